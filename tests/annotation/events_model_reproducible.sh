#!/usr/bin/env bash
# The shipped data/models/events.model and events_calibration.tsv are what
# tools/train_events.sh makes from the annotation splits: retrain and compare the bytes.
# Usage: events_model_reproducible.sh RASD_BINARY PROJECT_DIR SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 project=$2 shared=$3
if [ ! -d "$shared/corpus" ]; then echo "SKIP: $shared/corpus not found (../shared is absent)"; exit 77; fi
export RASD_SHARED=$shared
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bash "$project/tools/train_events.sh" "$rasd" "$tmp/events.model"
for f in events.model events_calibration.tsv; do
  if cmp "$tmp/$f" "$project/data/models/$f"; then
    echo "data/models/$f is reproduced byte for byte"
  else
    echo "FAIL: retraining gives another data/models/$f: run tools/train_events.sh and commit it"
    exit 1
  fi
done
