#!/usr/bin/env bash
# The annotation checker (docs/annotation.md): every record's schema and codes always; every span
# against ../shared/corpus when it is there (annot.py says so when it is not). Then the frozen test
# split: its SHA-256 must be the one recorded in docs/evaluation.md.
# Usage: check_annotations.sh PROJECT_DIR
set -euo pipefail
project=$1
cd "$project"
python3 tools/annotation/annot.py validate data/annotations/*.jsonl data/annotations/agreement/*.jsonl
want=$(sed -n 's/^test split SHA-256: `\([0-9a-f]*\)`.*/\1/p' docs/evaluation.md)
got=$(sha256sum data/annotations/test.jsonl | cut -d' ' -f1)
if [ "$want" != "$got" ]; then
  echo "FAIL: data/annotations/test.jsonl changed: SHA-256 $got, docs/evaluation.md records ${want:-nothing}"
  exit 1
fi
echo "test split frozen: $got"
