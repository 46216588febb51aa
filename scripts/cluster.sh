#!/usr/bin/env bash
# Runs the product as a cluster on this machine, on loopback: a private redis-server and PostgreSQL, three silos and
# two gateways, each its own process. Ctrl+C stops them all. Needs redis-server and postgresql (apt-get install).
#   scripts/cluster.sh            gateways on http://127.0.0.1:5181 and http://127.0.0.1:5182
# Environment: REDIS_PORT (6380), POSTGRES_PORT (5433), GATEWAY_PORTS ("5181 5182"), SILOS (3).
set -euo pipefail
cd "$(dirname "$0")/.."

redis_port=${REDIS_PORT:-6380}
postgres_port=${POSTGRES_PORT:-5433}
gateway_ports=${GATEWAY_PORTS:-"5181 5182"}
silos=${SILOS:-3}

command -v redis-server >/dev/null || { echo "redis-server is required (apt-get install redis-server)" >&2; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is required (apt-get install postgresql)" >&2; exit 1; }

dotnet build Classroom.sln -c Release -v quiet -nologo

work=$(mktemp -d /tmp/classroom-cluster-XXXXXX)
as_postgres=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_postgres=(runuser -u postgres --)
fi

pids=()
cleanup() {
  echo "stopping the cluster"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)

"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg" -A trust -U classroom -E UTF8 >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
  -o "-p $postgres_port -k $work -c listen_addresses=127.0.0.1" >/dev/null

export DOTNET_ENVIRONMENT=Production
export Classroom__Cluster__Mode=cluster
export Classroom__Cluster__Redis="127.0.0.1:$redis_port"
export Classroom__Silo__Storage=postgresql
export Classroom__Silo__PostgreSql__ConnectionString="Host=127.0.0.1;Port=$postgres_port;Username=classroom;Database=postgres"
# Every gateway signs and checks tokens with the same key, so a token from one works on the others.
export Classroom__Gateway__SigningKey="$(head -c 32 /dev/urandom | base64)"
# The demo's operator account may open the Orleans dashboard at /dashboard on either gateway.
export Classroom__Gateway__Operators__0=operator

for i in $(seq 1 "$silos"); do
  (cd silo/Classroom.Silo/bin/Release/net10.0 && exec dotnet Classroom.Silo.dll) 2>&1 | sed -u "s/^/[silo$i] /" &
  pids+=($!)
done

# Gateways need a silo to seed the demo: give the silos a moment to join.
sleep 3
n=1
for port in $gateway_ports; do
  (cd gateway/Classroom.Gateway/bin/Release/net10.0 && exec dotnet Classroom.Gateway.dll --urls "http://127.0.0.1:$port") 2>&1 \
    | sed -u "s/^/[gateway$n] /" &
  pids+=($!)
  n=$((n + 1))
done

echo "cluster starting: redis 127.0.0.1:$redis_port, PostgreSQL 127.0.0.1:$postgres_port, $silos silos, gateways on ports $gateway_ports"
wait
