#!/usr/bin/env bash
# The annotation checker (docs/annotation.md): every record's schema and codes always; every span
# against ../shared/corpus when it is there (annot.py says so when it is not). Then the frozen test
# splits (test, and test2 for articles drawn into it later): each SHA-256 must be the one recorded
# in docs/evaluation.md.
# Usage: check_annotations.sh PROJECT_DIR
set -euo pipefail
project=$1
cd "$project"
python3 tools/annotation/annot.py validate data/annotations/*.jsonl data/annotations/agreement/*.jsonl
for split in test test2; do
  file=data/annotations/$split.jsonl
  [ -f "$file" ] || continue
  want=$(sed -n "s/^$split split SHA-256: \`\([0-9a-f]*\)\`.*/\1/p" docs/evaluation.md)
  got=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$want" != "$got" ]; then
    echo "FAIL: $file changed: SHA-256 $got, docs/evaluation.md records ${want:-nothing}"
    exit 1
  fi
  echo "$split split frozen: $got"
done
