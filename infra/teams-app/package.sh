#!/usr/bin/env bash
# Builds the Teams app package: fills manifest.json's placeholders, validates it against the
# schema from npm @microsoft/app-manifest, and zips it with zh-cn.json and the icons.
#
#   BOT_APP_ID=<guid> infra/teams-app/package.sh [--out FILE]
#   infra/teams-app/package.sh --bot-app-id <guid> [--app-id <guid>] [--domain host] [--version x.y.z]
#
# BOT_APP_ID   required: the bot's Entra app id (botId and webApplicationInfo.id)
# APP_ID       the Teams app id; default: BOT_APP_ID (one id for both is the usual choice)
# VALID_DOMAIN the bot's public host name; default: the host of BOT_ENDPOINT, else chatops.example.com
# APP_VERSION  semver of the package; default 1.0.0 (raise it for every upload of a changed package)
# DEVELOPER_NAME, WEBSITE_URL   default "ChatOps" and https://VALID_DOMAIN
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/artifacts/teams-app.zip"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bot-app-id) BOT_APP_ID="$2"; shift 2 ;;
    --app-id) APP_ID="$2"; shift 2 ;;
    --domain) VALID_DOMAIN="$2"; shift 2 ;;
    --version) APP_VERSION="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

: "${BOT_APP_ID:?package.sh: set BOT_APP_ID (or --bot-app-id) to the Entra app id of the bot}"
endpoint_host="${BOT_ENDPOINT:-}"
endpoint_host="${endpoint_host#*://}"
endpoint_host="${endpoint_host%%[/:]*}"
export BOT_APP_ID
export APP_ID="${APP_ID:-$BOT_APP_ID}"
export VALID_DOMAIN="${VALID_DOMAIN:-${endpoint_host:-chatops.example.com}}"
export APP_VERSION="${APP_VERSION:-1.0.0}"
export DEVELOPER_NAME="${DEVELOPER_NAME:-ChatOps}"
export WEBSITE_URL="${WEBSITE_URL:-https://$VALID_DOMAIN}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Fill {{NAME}} from the environment; an unknown placeholder stops the build.
python3 - "$here" "$work" <<'PY'
import os, re, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(os.path.join(src, "manifest.json"), encoding="utf-8").read()
def fill(m):
    value = os.environ.get(m.group(1))
    if value is None:
        sys.exit(f"package.sh: manifest.json uses {{{{{m.group(1)}}}}} but it is not set")
    return value
open(os.path.join(dst, "manifest.json"), "w", encoding="utf-8").write(re.sub(r"{{(\w+)}}", fill, text))
for name in ("zh-cn.json", "color.png", "outline.png"):
    shutil.copy(os.path.join(src, name), dst)
PY

node "$here/validate.js" "$work"

mkdir -p "$(dirname "$out")"
rm -f "$out"
# Files at the zip's root, as Teams requires; python's zipfile because zip is not always installed.
python3 - "$work" "$out" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "zh-cn.json", "color.png", "outline.png"):
        z.write(os.path.join(src, name), name)
PY
echo "teams app package: $out"
