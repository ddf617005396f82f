#!/usr/bin/env bash
# Installs what lede's build and tests need, idempotently: a second run only checks.
# Versions come from wasm-pack.toml (the project's pin file) and package.json / package-lock.json.
# Usage: scripts/setup.sh [rust|wasm|browser|node|all]...   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

pin() { # pin KEY -> the quoted value of KEY in wasm-pack.toml
  sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" wasm-pack.toml | head -n 1
}
say() { printf 'setup: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
done_parts=()

setup_rust() {
  command -v rustup >/dev/null && command -v cargo >/dev/null ||
    die "rustup and cargo are missing: install Rust (https://rustup.rs) first"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
}

setup_wasm() {
  local wp wbg cargo_pin
  wp=$(pin wasm-pack)
  wbg=$(pin wasm-bindgen-cli)
  cargo_pin=$(sed -n 's/^wasm-bindgen *= *{[^}]*version *= *"=\([^"]*\)".*/\1/p; s/^wasm-bindgen *= *"=\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)
  if [ -n "$cargo_pin" ] && [ "$cargo_pin" != "$wbg" ]; then
    die "wasm-pack.toml pins wasm-bindgen-cli $wbg but Cargo.toml pins wasm-bindgen $cargo_pin: make them equal"
  fi
  # The runner must also match the lockfile's wasm-bindgen (else wasm-pack downloads or builds its own copy).
  local locked
  locked=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock | head -n 1)
  if [ -n "$locked" ] && [ "$locked" != "$wbg" ]; then
    die "Cargo.lock has wasm-bindgen $locked but wasm-pack.toml pins wasm-bindgen-cli $wbg: make them equal"
  fi
  if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $wp" ]; then
    say "building wasm-pack $wp from crates.io (about 3 minutes)"
    cargo install wasm-pack --version "=$wp" --locked --force
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    say "building wasm-bindgen-cli $wbg from crates.io (about 4 minutes)"
    cargo install wasm-bindgen-cli --version "=$wbg" --force
  fi
}

setup_browser() {
  if ! /usr/bin/chromium --version >/dev/null 2>&1 || ! /usr/bin/chromedriver --version >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
    /usr/bin/chromium --version >/dev/null 2>&1 || die "chromium does not run after installing it"
  fi
}

setup_node() {
  # binaryen (wasm-opt), playwright-core, axe-core: exact versions from package-lock.json.
  # playwright-core needs node >= 20 (Debian 12's own nodejs is 18: install node 20 or later first).
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 20 ] || die "node 20 or later is needed (found: $(node --version 2>/dev/null || echo none))"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dev dependencies from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  local want
  want=$(pin binaryen)
  if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${want%%.*}"; then
    die "node_modules/.bin/wasm-opt is not binaryen $want: check package.json"
  fi
  # wasm-pack takes the first wasm-opt on PATH: it must be this one, never Debian's binaryen.
  [ "$(command -v wasm-opt)" = "$PWD/node_modules/.bin/wasm-opt" ] || die "wasm-opt on PATH is $(command -v wasm-opt)"
}

[ $# -gt 0 ] || set -- all
for part in "$@"; do
  case "$part" in
    rust) setup_rust ;;
    wasm) setup_rust; setup_wasm ;;
    browser) setup_browser ;;
    node) setup_node ;;
    all) setup_rust; setup_wasm; setup_browser; setup_node ;;
    *) say "unknown part: $part (expected rust, wasm, browser, node or all)"; exit 2 ;;
  esac
  done_parts+=("$part")
done
say "ready: ${done_parts[*]}"
