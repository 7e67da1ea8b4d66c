# Runs the built bot on the current Node.js LTS, as a non-root user.
# Build: docker build -t protocol-bot .   Run: docker run --env-file .env -p 3000:3000 -v protocol-data:/data protocol-bot

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
ENV NODE_ENV=production \
    DATA_DIR=/data \
    CONTENT_DIR=/app/content \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node content ./content
COPY --chown=node:node adapters/slack/manifest.yml ./adapters/slack/manifest.yml
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/adapters/main.js"]
