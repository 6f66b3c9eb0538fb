#!/usr/bin/env bash
# Installs what the real-VS-Code test tiers need, without downloading anything but npm and
# Debian packages (see shared/vscode-e2e-offline.md):
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev + pkg-config (to rebuild
#     code-server's kerberos module), ripgrep (VS Code's search binary, normally fetched from
#     GitHub), fonts-noto-cjk (so Chinese note titles render in screenshots);
#   - code-server@4.100.3 (VS Code 1.100.3, Node 20) into .cache/code-server/ (git-ignored).
# Idempotent: a working .cache/code-server install is reused. Fails loudly (exit != 0) when it cannot
# set up; it never skips.
#
# Usage: bash scripts/setup-code-server.sh      (npm run setup:code-server)
#   AI_NOTES_CODE_SERVER_DIR   overrides the cache folder (default: <repo>/.cache/code-server)
#   AI_NOTES_SKIP_APT=1        do not try to install Debian packages (only check for them)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
START=$(date +%s)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AI_NOTES_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
BIN="$CACHE/node_modules/.bin/code-server"
MARKER="$CACHE/.setup-complete-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium libkrb5-dev pkg-config ripgrep fonts-noto-cjk)

log() { printf '[setup-code-server] %s\n' "$*"; }
fail() {
  printf '\n[setup-code-server] ERROR: %s\n' "$*" >&2
  printf '[setup-code-server] code-server could not be set up; the integration and e2e tiers cannot run.\n' >&2
  exit 1
}
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "[setup-code-server] FAILED (exit %s) after %ss\n" "$rc" "$(( $(date +%s) - START ))" >&2; fi' EXIT

# --- 1. Debian packages ------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "${AI_NOTES_SKIP_APT:-}" = 1 ] && fail "missing Debian packages: ${missing[*]} (AI_NOTES_SKIP_APT=1 set)"
  command -v apt-get >/dev/null || fail "missing Debian packages (${missing[*]}) and no apt-get on this machine"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "missing Debian packages (${missing[*]}); run as root or install them: apt-get install ${missing[*]}"
    SUDO=(sudo -n)
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q || fail "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null \
    || fail "apt-get install ${missing[*]} failed"
fi
for cmd in /usr/bin/chromium /usr/bin/rg pkg-config; do
  command -v "$cmd" >/dev/null || fail "$cmd not found after installing ${APT_PACKAGES[*]}"
done

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  log "WARNING: code-server $CODE_SERVER_VERSION targets Node 20; this is Node $(node --version)"
fi

# --- 2. code-server, reused when it already works ----------------------------------------------
if [ -f "$MARKER" ] && [ -x "$BIN" ] && XDG_CONFIG_HOME="$CACHE/.xdg/config" XDG_DATA_HOME="$CACHE/.xdg/data" "$BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  log "code-server $CODE_SERVER_VERSION already set up in $CACHE (reused)"
  log "done in $(( $(date +%s) - START ))s"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into $CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
# Its own package.json: without one, npm would walk up and install into the project's node_modules.
if [ ! -f package.json ]; then
  printf '{\n  "name": "ai-notes-code-server-cache",\n  "private": true\n}\n' > package.json
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# --ignore-scripts: its postinstall refuses root under npm 11 and downloads ripgrep from GitHub.
npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts --no-audit --no-fund --no-save \
  || fail "npm install code-server@$CODE_SERVER_VERSION failed"
npm rebuild argon2 || fail "npm rebuild argon2 failed (code-server's login hashing)"

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
[ -f "$VSCODE/package.json" ] || fail "$VSCODE/package.json missing: the code-server package looks incomplete"
cd "$VSCODE"
log "installing VS Code's own dependencies (lib/vscode)"
npm install --omit=dev --ignore-scripts --no-audit --no-fund || fail "npm install in lib/vscode failed"
log "rebuilding native modules (kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid)"
npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid \
  || fail "npm rebuild of VS Code's native modules failed (needs python3, make, g++, libkrb5-dev, Node headers)"

mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
[ -e bin/remote-cli/code-linux.sh ] && ln -sfn code-linux.sh bin/remote-cli/code-server
[ -e bin/helpers/browser-linux.sh ] && ln -sfn browser-linux.sh bin/helpers/browser.sh

log "installing the built-in extensions' dependencies (lib/vscode/extensions)"
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund) \
  || fail "npm install in lib/vscode/extensions failed"

cd "$CACHE"
# --version writes a default config.yaml under XDG_CONFIG_HOME: keep it inside the cache.
export XDG_CONFIG_HOME="$CACHE/.xdg/config" XDG_DATA_HOME="$CACHE/.xdg/data"
version_out=$("$BIN" --version 2>&1) || fail "code-server --version failed after install: $version_out"
echo "$version_out" | grep -q "^$CODE_SERVER_VERSION" || fail "unexpected code-server version: $version_out"
# A quick check that the native modules load: a missing one only shows when the server starts.
(cd "$VSCODE" && node -e "for (const m of ['argon2','kerberos','node-pty','@parcel/watcher','@vscode/spdlog']) { try { require(require.resolve(m, {paths:[process.cwd(), '$CACHE/node_modules/code-server']})); } catch (e) { console.error('cannot load ' + m + ': ' + e.message); process.exit(1); } }") \
  || fail "a native module of code-server does not load"
touch "$MARKER"
log "code-server ready: $(echo "$version_out" | grep "^$CODE_SERVER_VERSION" | head -1)"
log "done in $(( $(date +%s) - START ))s"
