# Shared by infra/run-local and infra/test: install the npm tools (and, for the tests, the benchmark peer), start Azurite, wait for ports.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS="$ROOT/infra/tools"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }

# npm packages pinned by infra/tools/package-lock.json (Azurite, the Agents Playground, the card renderer).
install_tools() {
  # npm ci empties node_modules first: through a link that is another checkout's install, shared by others.
  if [ -L "$TOOLS/node_modules" ]; then log "infra/tools/node_modules links to a shared install: not reinstalling it"; return 0; fi
  if [ ! -d "$TOOLS/node_modules/azurite" ] || [ "$TOOLS/package-lock.json" -nt "$TOOLS/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null || { log "npm is missing: apt-get install -y nodejs npm"; exit 1; }
    log "installing npm tools into infra/tools (once)"
    (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

# The sdk benchmark's peer (npm botbuilder, pinned by tests/ChatOps.Benchmarks/BotBuilderPeer/package-lock.json), which
# its quick test in ChatOps.Benchmarks.Tests starts. Bounded; if it cannot be installed the test says why (fails in CI).
PEER="$ROOT/tests/ChatOps.Benchmarks/BotBuilderPeer"
install_benchmark_peer() {
  [ -d "$PEER/node_modules/botbuilder" ] && [ ! "$PEER/package-lock.json" -nt "$PEER/node_modules/.package-lock.json" ] && return 0
  command -v npm >/dev/null || { log "npm is missing: the botbuilder benchmark peer is not installed (its test fails in CI, skips locally)"; return 0; }
  log "installing the botbuilder benchmark peer (npm ci in tests/ChatOps.Benchmarks/BotBuilderPeer, at most 5 minutes)"
  (cd "$PEER" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) >&2 ||
    log "npm ci of the botbuilder benchmark peer failed or timed out; its test will say why"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds name
  local i
  for ((i = 0; i < $2 * 10; i++)); do port_open "$1" && return 0; sleep 0.1; done
  log "$3 did not listen on port $1 within $2 s"; return 1
}

# Starts Azurite on its default ports unless something already listens there; sets AZURITE_PID (empty if reused).
AZURITE_PID=
start_azurite() { # data-dir [extra args]
  local dir=$1; shift
  if port_open 10002; then log "Azurite already listening on 10000-10002; using it"; return 0; fi
  mkdir -p "$dir"
  "$TOOLS/node_modules/.bin/azurite" --silent --skipApiVersionCheck --location "$dir" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "$@" \
    >"$dir/azurite.log" 2>&1 &
  AZURITE_PID=$!
  wait_port 10000 30 Azurite && wait_port 10002 30 Azurite || { cat "$dir/azurite.log" >&2; kill "$AZURITE_PID" 2>/dev/null; exit 1; }
}

# Stops the Azurite this script started (if any): SIGTERM, a graceful wait while it closes connections, then SIGKILL.
stop_azurite() {
  [ -n "$AZURITE_PID" ] || return 0
  kill "$AZURITE_PID" 2>/dev/null || return 0
  local i
  for ((i = 0; i < 50; i++)); do kill -0 "$AZURITE_PID" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$AZURITE_PID" 2>/dev/null || true
}

# PostgreSQL for the Hangfire tests (tests/ChatOps.Bot.Tests/Jobs). CHATOPS_TEST_POSTGRES, when already set, is
# used as is. Otherwise, as root: installs PostgreSQL if missing (only with CI set; in the background, so it
# overlaps the npm install), starts the first cluster if stopped, creates the role and database "chatops_test"
# (idempotent) and exports the connection string. Without it the tests skip locally and fail in CI.
PG_INSTALL_PID=
POSTGRES_STARTED=
PG_TEST_NAME=chatops_test

begin_postgres_install() {
  [ -z "${CHATOPS_TEST_POSTGRES:-}" ] && [ -n "${CI:-}" ] && [ "$(id -u)" = 0 ] || return 0
  command -v pg_lsclusters >/dev/null && return 0
  log "installing PostgreSQL (apt-get, in the background)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >"$ROOT/artifacts/postgres-install.log" 2>&1 &
  PG_INSTALL_PID=$!
}

as_postgres() { su postgres -s /bin/sh -c "cd / && $1"; }

start_postgres() {
  if [ -n "${CHATOPS_TEST_POSTGRES:-}" ]; then log "PostgreSQL: using CHATOPS_TEST_POSTGRES as given"; return 0; fi
  if [ -n "$PG_INSTALL_PID" ] && ! wait "$PG_INSTALL_PID"; then
    tail -20 "$ROOT/artifacts/postgres-install.log" >&2; log "PostgreSQL could not be installed; its tests will fail"; return 0
  fi
  if ! command -v pg_lsclusters >/dev/null || [ "$(id -u)" != 0 ]; then
    log "PostgreSQL: not installed or not root; the Hangfire PostgreSQL tests are skipped (set CHATOPS_TEST_POSTGRES to run them)"; return 0
  fi
  local version cluster port status
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1)
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -1); cluster=main
    pg_createcluster "$version" "$cluster" >/dev/null || { log "could not create a PostgreSQL cluster"; return 0; }
    read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1)
  fi
  if [[ $status != online* ]]; then
    log "starting PostgreSQL $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start || { log "PostgreSQL did not start; its tests will fail in CI, skip locally"; return 0; }
    POSTGRES_STARTED="$version $cluster"
  fi
  wait_port "$port" 30 PostgreSQL || return 0
  as_postgres "psql -p $port -qtA -v ON_ERROR_STOP=1" >/dev/null <<SQL || { log "could not create the test role and database"; return 0; }
SELECT 'CREATE ROLE $PG_TEST_NAME LOGIN PASSWORD ''$PG_TEST_NAME''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_TEST_NAME')\gexec
SELECT 'CREATE DATABASE $PG_TEST_NAME OWNER $PG_TEST_NAME' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_TEST_NAME')\gexec
SQL
  export CHATOPS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=$PG_TEST_NAME;Username=$PG_TEST_NAME;Password=$PG_TEST_NAME"
}

# Stops the cluster start_postgres started (if any); one that was already running stays up.
stop_postgres() {
  [ -n "$POSTGRES_STARTED" ] || return 0
  # shellcheck disable=SC2086
  pg_ctlcluster --mode fast $POSTGRES_STARTED stop || true
}
