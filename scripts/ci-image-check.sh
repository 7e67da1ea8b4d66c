#!/usr/bin/env bash
# The Docker image's own build and start, without a Docker engine (CI machines have none): in a temp
# folder holding what the image copies, run the Dockerfile's `RUN npm …` lines, start its CMD as the
# image would (production, the database in a data folder, a chat platform configured), wait for its
# HEALTHCHECK command to pass against /readyz, run the compiled one-off commands, then SIGTERM the
# bot and expect exit code 0. Uses whichever node is first on PATH (CI puts the image's Node first).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dockerfile="$repo/Dockerfile"
work="$(mktemp -d "${TMPDIR:-/tmp}/protocol-image-check.XXXXXX")"
bot_pid=""
cleanup() {
  if [ -n "$bot_pid" ]; then kill -KILL "$bot_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "image check FAILED: $*" >&2
  if [ -f "$work/bot.log" ]; then echo "--- bot log ---" >&2; cat "$work/bot.log" >&2; fi
  exit 1
}

echo "image check: node $(node -v), in $work"
mkdir -p "$work/app" "$work/data"
# What the build stage copies, and the content the final stage adds.
for item in package.json package-lock.json tsconfig.json tsconfig.build.json src adapters scripts content; do
  cp -R "$repo/$item" "$work/app/"
done

cd "$work/app"
grep -E '^RUN npm ' "$dockerfile" | sed 's/^RUN //' | while IFS= read -r command; do
  echo "image check: $command"
  bash -c "$command" || fail "build step failed: $command"
done
[ -d node_modules/typescript ] && fail "dev dependencies were not pruned"

start="$(sed -n 's/^CMD \[\(.*\)\]$/\1/p' "$dockerfile" | tr -d '",')"
health="$(sed -n 's/^HEALTHCHECK .* CMD //p' "$dockerfile")"
[ -n "$start" ] && [ -n "$health" ] || fail "no CMD or HEALTHCHECK found in the Dockerfile"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
# The environment the image gives the bot (ENV and ENTRYPOINT), with a Teams registration that is
# only read at start-up: no request reaches Microsoft unless a notice is delivered.
image_env=(PATH="$PATH" HOME="$work" NODE_ENV=production DATA_DIR="$work/data" HOST=127.0.0.1 PORT="$port")
teams=(MicrosoftAppId=00000000-0000-0000-0000-000000000000 MicrosoftAppPassword=ci-placeholder-not-a-secret)

echo "image check: $start on 127.0.0.1:$port"
# shellcheck disable=SC2086 # the CMD is split into words, as Docker's exec form is
env -i "${image_env[@]}" "${teams[@]}" $start >"$work/bot.log" 2>&1 &
bot_pid=$!
ready=""
for _ in $(seq 1 120); do
  kill -0 "$bot_pid" 2>/dev/null || fail "the bot exited before it was ready"
  if env -i "${image_env[@]}" bash -c "$health"; then ready=yes; break; fi
  sleep 0.5
done
[ -n "$ready" ] || fail "/readyz did not answer 200 within 60 s"
echo "image check: /readyz answers 200"

# The one-off commands the README gives for the container, from the compiled output.
env -i "${image_env[@]}" node dist/scripts/ask.js --council hexham "can I ask the clerk to come to our group meeting?" | grep -q "Clause" ||
  fail "node dist/scripts/ask.js gave no clause"
env -i "${image_env[@]}" node dist/scripts/ask.js --json "2.4" | node -e "JSON.parse(require('fs').readFileSync(0,'utf8'))" ||
  fail "node dist/scripts/ask.js --json did not print JSON alone"
env -i "${image_env[@]}" node dist/scripts/import.js --help | grep -q "usage" || fail "node dist/scripts/import.js --help"
echo "image check: compiled ask and import run"

kill -TERM "$bot_pid"
( sleep 30; kill -KILL "$bot_pid" 2>/dev/null ) &
watchdog=$!
code=0
wait "$bot_pid" || code=$?
bot_pid=""
kill "$watchdog" 2>/dev/null || true
[ "$code" -eq 0 ] || fail "the bot exited with code $code after SIGTERM"
echo "image check: passed (SIGTERM, exit 0)"
