#!/usr/bin/env bash
# rasd's events on the dev split of the annotated gold (data/annotations/dev.jsonl), scored by
# tools/annotation/evaluate.py, whose document-level figures must equal those of ../shared/tools/score.py
# on the same output. Fails when document-level F1 drops below MIN_F1: a regression guard set under the
# figure recorded in docs/evaluation.md, not a target.
# Usage: eval_gold_dev.sh RASD_BINARY PROJECT_DIR SHARED_DIR [MIN_F1]   (exit 77 = skipped)
set -euo pipefail
rasd=$1 project=$2 shared=$3 min=${4:-0.0}
if [ ! -d "$shared/corpus" ]; then echo "SKIP: $shared/corpus not found (../shared is absent)"; exit 77; fi
export RASD_SHARED=$shared
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tools=$project/tools/annotation
gold=$project/data/annotations/dev.jsonl
TOOLS=$tools python3 -c "
import json, os, sys
sys.path.insert(0, os.environ['TOOLS'])
import evaluate
evaluate.write_articles(evaluate.read_jsonl('$gold'), '$tmp/articles.jsonl')"
"$rasd" extract --jsonl "$tmp/articles.jsonl" > "$tmp/pred.jsonl"
python3 "$tools/evaluate.py" --gold "$gold" --pred "$tmp/pred.jsonl" --reps 200 --json > "$tmp/result.json"
python3 "$tools/annot.py" export-gold "$gold" --out "$tmp/gold"
python3 "$shared/tools/score.py" events --gold "$tmp/gold" --pred "$tmp/pred.jsonl" --json > "$tmp/score.json"
python3 - "$tmp/result.json" "$tmp/score.json" "$min" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
for level in ('document', 'span'):
    a = r[level]['all']
    print('%s level: P %.3f R %.3f F1 %.3f [%.3f, %.3f] (%d must, %d found, %d false)' % (
        level, a['precision'], a['recall'], a['f1'], a['f1_ci'][0], a['f1_ci'][1], a['must'], a['found'],
        a['false_positives']))
doc = r['document']['all']
for key in ('precision', 'recall', 'f1'):
    if abs(doc[key] - s[key]) > 1e-4:
        print('FAIL: evaluate.py %s %.4f differs from score.py %.4f' % (key, doc[key], s[key]))
        sys.exit(1)
print('score.py agrees: P %.4f R %.4f F1 %.4f' % (s['precision'], s['recall'], s['f1']))
if doc['f1'] < float(sys.argv[3]):
    print('FAIL: document-level F1 %.3f < %s' % (doc['f1'], sys.argv[3]))
    sys.exit(1)
PY
