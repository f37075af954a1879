#!/usr/bin/env bash
# `npm run cluster`: Pilotis as it runs with several replicas (README « Plusieurs répliques : HAProxy et
# PgBouncer »): HAProxy in front of 2 API replicas, PgBouncer (transaction pooling) in front of PostgreSQL,
# 2 workers; unprivileged local processes on free ports, configuration and logs in tmp/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's packages, as .ci/run installs Chromium; only the binaries are used (no system service).
if [ ! -x /usr/sbin/haproxy ] || [ ! -x /usr/sbin/pgbouncer ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy pgbouncer) >/dev/null
fi
bash scripts/ensure-services.sh
# Roles, database and migrations with the owner's direct connection (DATABASE_URL): never through PgBouncer.
npm run -s db:setup
npm run -s db:migrate
exec node -r @swc-node/register scripts/cluster/run.ts
