#!/usr/bin/env bash
# One command from a fresh clone to a running demo: install, start PostgreSQL/Redis if needed, create the
# database and roles, migrate, seed the demo data, then run the API and the worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-services.sh
npm run -s db:setup
npm run -s db:migrate
npm run -s db:seed
# The web application, served by the API at http://localhost:3000/.
npx vite build apps/web --logLevel warn

# No SMTP server configured: capture the e-mails locally (the default SMTP settings point at it) and show
# them on a page, so that the reminders can be read (README, "E-mails en démo").
capture=
if [ -z "${SMTP_HOST:-}" ]; then
  node -r @swc-node/register scripts/mail-capture.ts &
  capture=$!
fi
# A demo is a developer machine: NODE_ENV=development lets the API and worker start with the development
# JWT secret, and gives GraphiQL. Without it (unset NODE_ENV counts as production) they refuse to start.
export NODE_ENV=development
node -r @swc-node/register apps/api/src/main.ts &
api=$!
node -r @swc-node/register apps/worker/src/main.ts &
worker=$!
trap 'kill $api $worker $capture 2>/dev/null; wait' INT TERM EXIT

for _ in $(seq 1 60); do
  curl -fsS "http://localhost:${PORT:-3000}/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
cat <<MSG

Pilotis is running.
  Application : http://localhost:${PORT:-3000}/   (sign in with a demo user)
  GraphQL API : http://localhost:${PORT:-3000}/graphql   (GraphiQL in the browser)
  Health      : http://localhost:${PORT:-3000}/health/ready  ·  worker: http://localhost:${WORKER_HEALTH_PORT:-3001}/health
  Sign in with one of the demo users above (password: Pilotis-demo-2026), then send the header
  X-Tenant: 243500139 (Rennes Métropole), 200057867 (Plaine Commune) or 200040715 (Grenoble-Alpes).
  Queues      : http://localhost:${PORT:-3000}/admin/queues   (platform admins: « Files de tâches » in the application)
MSG
if [ -n "$capture" ]; then
  echo "  E-mails    : http://127.0.0.1:${MAIL_CAPTURE_HTTP_PORT:-1080}/   (captured, also saved in var/mail/)"
  echo "Ctrl-C stops them all."
else
  echo "  E-mails    : sent through ${SMTP_HOST}:${SMTP_PORT:-1025}"
  echo "Ctrl-C stops both."
fi
wait -n $api $worker
