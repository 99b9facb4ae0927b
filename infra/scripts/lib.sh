# Shared by infra/run-local and infra/test: install the npm tools, start Azurite, wait for ports.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS="$ROOT/infra/tools"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }

# npm packages pinned by infra/tools/package-lock.json (Azurite, the Agents Playground, the card renderer).
install_tools() {
  if [ ! -d "$TOOLS/node_modules/azurite" ] || [ "$TOOLS/package-lock.json" -nt "$TOOLS/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null || { log "npm is missing: apt-get install -y nodejs npm"; exit 1; }
    log "installing npm tools into infra/tools (once)"
    (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
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
