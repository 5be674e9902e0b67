#!/usr/bin/env bash
# gsr.py cv: the two-fold cross-validation inside the GSR training part trains two decision models and
# scores both halves; this checks it runs end to end and reports both types with counts that add up to
# the training part's `yes` sentences (the figures themselves are in docs/events.md, not asserted).
# Usage: gsr_cv.sh RASD_BINARY PROJECT_DIR SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 project=$2 shared=$3
if [ ! -d "$shared/corpus" ] || [ ! -d "$shared/data/arabic_event_gsr" ]; then
  echo "SKIP: $shared/corpus or arabic_event_gsr not found (../shared is absent)"; exit 77
fi
export RASD_SHARED=$shared
out=$(python3 "$project/tools/annotation/gsr.py" cv --rasd "$rasd" --seed 1)
echo "$out"
OUT="$out" PROJECT="$project" python3 - <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(os.environ["PROJECT"], "tools", "annotation"))
import gsr
yes = {}
for kind, r in gsr.train_rows():
    yes[kind] = yes.get(kind, 0) + (r["label"] == "yes")
seen = set()
for line in os.environ["OUT"].splitlines():
    m = re.search(r"detect (\w+): TP=(\d+) FP=(\d+) FN=(\d+) precision=([\d.]+) recall=([\d.]+) f1=([\d.]+)", line)
    if not m:
        continue
    kind, tp, fp, fn = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
    assert tp + fn == yes[kind], (kind, tp + fn, yes[kind])
    seen.add(kind)
assert seen == {"ASSAULT", "PROTEST"}, seen
print("gsr cv: both types scored, counts consistent")
PY
