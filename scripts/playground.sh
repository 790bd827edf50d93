#!/usr/bin/env bash
# Starts the bot on the embedded store with demo data, and the Microsoft 365 Agents Playground in front of it,
# with the playground's telemetry switched off. Open http://127.0.0.1:56150 in a browser; Ctrl-C stops both.
# The bot also serves the workspace tab with a local token issuer for the demo people (TAB_LOCAL_ISSUER, which the
# bot refuses on any host but loopback): open http://127.0.0.1:3978/playground/ to act as the demo coordinator or clinician.
set -euo pipefail
cd "$(dirname "$0")/.."
export APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none
export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PWD/.m365agentsplayground.yml"
export M365_AGENTS_PLAYGROUND_LOGFILE="${TMPDIR:-/tmp}/m365agentsplayground.log"
BOT_PORT="${PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"

# The demo: synthetic data, the playground's team (.m365agentsplayground.yml) configured as the triage team (the
# playground installs the app as the demo social worker, who is no coordinator), and the workspace with its local issuer.
npm run --silent build:web
PORT="$BOT_PORT" HOST=127.0.0.1 TAB_LOCAL_ISSUER=true DEMO_DATA="${DEMO_DATA:-true}" TRIAGE_TEAM_IDS="${TRIAGE_TEAM_IDS:-team-demo-fass}" npm start &
bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null && break
  sleep 0.2
done
echo "Agents Playground: http://127.0.0.1:$PLAYGROUND_PORT  (bot on :$BOT_PORT, demo user's requests under 'my requests')"
echo "Workspace tab:     http://127.0.0.1:$BOT_PORT/playground/  (as the demo coordinator; ?user=demo-clinician for the clinician, ?theme=dark)"
npx agentsplayground --port "$PLAYGROUND_PORT" --app-endpoint "http://127.0.0.1:$BOT_PORT/api/messages" \
  --channel-id msteams --disable-telemetry
