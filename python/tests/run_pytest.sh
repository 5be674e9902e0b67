#!/usr/bin/env bash
# Runs one pytest file of the Python module for CTest (python/CMakeLists.txt).
# Usage: run_pytest.sh PYTHON TEST_FILE BASETEMP [NEEDS_DIR]
# With NEEDS_DIR (e.g. ../shared/seed) absent: skip with exit 77.
set -euo pipefail
python=$1 file=$2 basetemp=$3 needs=${4:-}
if [ -n "$needs" ] && [ ! -d "$needs" ]; then echo "SKIP: $needs not found (../shared is absent)"; exit 77; fi
exec "$python" -m pytest -q -p no:cacheprovider --basetemp="$basetemp" "$file"
