#!/usr/bin/env bash
# Starts PostgreSQL and Redis if they are not answering on their default local ports (on machines that have
# them installed locally; with Docker, run `docker compose up -d` instead).
set -uo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || (echo > /dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG || (echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null; }

if ! pg_up; then
  echo "PostgreSQL is not answering: starting it"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "PostgreSQL is not running on 127.0.0.1:5432 (with Docker: docker compose up -d)"; exit 1; }
fi

if ! redis_up; then
  echo "Redis is not answering: starting it"
  if command -v redis-server >/dev/null 2>&1; then
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --maxmemory-policy noeviction --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { echo "Redis is not running on 127.0.0.1:6379 (with Docker: docker compose up -d)"; exit 1; }
fi
echo "PostgreSQL and Redis are up"
