#!/usr/bin/env bash
# The README's second command: build (if needed) and run the whole test suite
# (unit, golden and fuzz-replay tests; tests that need ../shared skip without it).
set -euo pipefail
cd "$(dirname "$0")/.."
RASD_CMAKE_ARGS="-DRASD_BUILD_TESTS=ON -DRASD_WERROR=ON ${RASD_CMAKE_ARGS:-}" bash scripts/setup.sh
ctest --test-dir "${RASD_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" "$@"
