#!/usr/bin/env bash
# Installs rasd's Debian 12 dependencies and builds rasd (Release) in ./build,
# with the Python module in build/python.
# Used by the README's quick start and by CI (.ci/run). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake g++ python3
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev
  libstemmer-dev
  libsqlite3-dev
  pkg-config libboost-dev
  chromium
  pybind11-dev python3-dev python3-pandas python3-dask python3-distributed python3-pytest
)

if [ "${RASD_SKIP_APT:-0}" != 1 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

BUILD_DIR=${RASD_BUILD_DIR:-build}
# The Python module (build/python, docs/python.md) is built by default;
# RASD_CMAKE_ARGS=-DRASD_BUILD_PYTHON=OFF leaves it out.
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DRASD_BUILD_PYTHON=ON ${RASD_CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"
echo "setup: built $BUILD_DIR/rasd"
if [ -d "$BUILD_DIR/python/rasd" ]; then echo "setup: built the Python module: PYTHONPATH=$BUILD_DIR/python /usr/bin/python3"; fi

# The web page of `rasd serve` (docs/server.md): npm installs the pinned
# packages of web/package-lock.json, esbuild bundles them into $BUILD_DIR/web.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error) || {
      echo "setup: npm ci failed in web/ (it needs the npm registry); rasd is built, the web page is not" >&2
      exit 1
    }
  fi
  node web/build.mjs "$BUILD_DIR/web"
else
  echo "setup: node/npm not found: the web page is NOT built (rasd serve will answer the JSON API only, and" >&2
  echo "setup: the browser tests skip). Install Node.js >= 18 with npm, then re-run bash scripts/setup.sh." >&2
fi
