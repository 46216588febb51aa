#!/usr/bin/env bash
# The test command: sets up what a fresh machine needs, builds, runs every test project, prints a summary line.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK pinned in global.json) is required" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The gateway's tests drive the hub with the official @microsoft/signalr client under Node.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq nodejs npm
  else
    echo "node and npm are required (apt-get install nodejs npm)" >&2
    exit 1
  fi
fi
(cd tests/node && npm install --no-package-lock --no-audit --no-fund --loglevel=error)

# The web pages' tests drive Debian's chromium, headless, with Playwright (browser downloads do not work here).
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is required for the browser tests (apt-get install chromium, or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
# The pages are Chinese first: the browser tests' screenshots need a CJK font (Debian's fonts-noto-cjk), or every
# character is drawn as an empty box.
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    echo "fonts-noto-cjk is recommended for the browser tests' screenshots (apt-get install fonts-noto-cjk)" >&2
  fi
fi

# Storage tests run against a real PostgreSQL: the tests start a private server from Debian's binaries (or use the
# one CLASSROOM_TEST_POSTGRES names).
if [ -z "${CLASSROOM_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is required for the storage tests (apt-get install postgresql, or set CLASSROOM_TEST_POSTGRES)" >&2
    exit 1
  fi
fi

# Cluster tests start their own redis-server processes (Debian's redis-server) on free loopback ports.
if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "redis-server is required for the cluster tests (apt-get install redis-server)" >&2
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test Classroom.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line for CI: the totals over every test assembly.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1);
         if ($i == "Passed:") passed += $(i + 1);
         if ($i == "Skipped:") skipped += $(i + 1);
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
