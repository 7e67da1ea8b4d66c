# The compiled bot on the current Node.js LTS, as a numeric non-root user, with tini as PID 1 so
# SIGTERM reaches node and the bot shuts down cleanly.
#   Build: docker build -t protocol-bot .
#   Run:   docker run --env-file .env -p 3000:3000 -v protocol-data:/data protocol-bot
#   Your council's protocol: add -v ./mycouncil:/council:ro and CONTENT_DIR=/council in .env (or keep it in the volume:
#   CONTENT_DIR=/data/content); shared knowledge files the folder lacks are read from the image's /app/content.
#   One-off commands: docker run --rm -it -v protocol-data:/data protocol-bot node dist/scripts/ask.js --council hexham "…"
# CI has no Docker engine: scripts/ci-image-check.sh runs this file's `RUN npm …` lines, CMD and
# HEALTHCHECK outside Docker, and test/ops/dockerfile.test.ts holds the rest of it.

FROM node:26-slim AS build
WORKDIR /app
# better-sqlite3 uses a prebuilt binary when one exists for this Node version, else compiles.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:26-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# The code stays owned by root, so the bot cannot change it; only /data is the bot's to write.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The shipped protocols are examples and the shared knowledge every council gets; a council's own folder is mounted
# elsewhere and named by CONTENT_DIR (see above).
COPY content ./content
COPY adapters/slack/manifest.yml ./adapters/slack/manifest.yml
RUN mkdir -p /data && chown 1000:1000 /data
USER 1000:1000
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# An env file cannot move the database out of the volume or switch off production checks: these
# two are set again for every command the container runs, after --env-file has been applied.
# --max-semi-space-size=32 (MB; as npm start and npm run bench run it): a young generation that garbage-collects
# each answer's short-lived objects less often, so a slow answer is rare (bench/results.md).
ENTRYPOINT ["/usr/bin/tini", "--", "env", "DATA_DIR=/data", "NODE_ENV=production"]
CMD ["node", "--max-semi-space-size=32", "dist/adapters/main.js"]
