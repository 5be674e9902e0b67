#!/usr/bin/env bash
# The reference article (../shared/seed): every `must` entity found with its
# code or value (score.py), and every alias in the same cluster as its person.
# Usage: seed_entities.sh RASD_BINARY SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 shared=$2
seed=$shared/seed
if [ ! -f "$seed/article.txt" ]; then echo "SKIP: $seed not found (../shared is absent)"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$rasd" extract --date 2024-11-23 "$seed/article.txt" > "$tmp/out.json"
out=$(python3 "$shared/tools/score.py" entities -v --gold "$seed/expected.json" --pred "$tmp/out.json")
echo "$out"
echo "$out" | grep -q "recall=1.000" || { echo "FAIL: not every must entity found"; exit 1; }
python3 - "$seed/expected.json" "$tmp/out.json" <<'PY'
import json, re, sys
DIAC = re.compile('[\u064b-\u065f\u0670\u0640]')
def norm(s):
    s = DIAC.sub('', s)
    return re.sub('[إأآ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
gold = json.load(open(sys.argv[1], encoding='utf-8'))
doc = json.load(open(sys.argv[2], encoding='utf-8'))
pers = [e for e in doc['entities'] if e['type'] == 'PER']
bad = 0
for g in gold['entities']:
    if g['type'] != 'PER' or not g.get('aliases'):
        continue
    heads = [e for e in pers if norm(g['text']) in norm(e['text'])]
    if not heads:
        print('no entity for', g['text']); bad += 1; continue
    cluster = heads[0].get('cluster')
    for alias in g['aliases']:
        words = norm(alias)
        mentions = [e for e in pers if norm(e['text']) == words or (words.endswith(norm(e['text'])) and len(e['text']) > 2)]
        if not any(m.get('cluster') == cluster for m in mentions):
            print(f'alias {alias!r} not in the cluster of {g["text"]!r}'); bad += 1
        else:
            print(f'alias {alias!r} -> {g["text"]!r}: ok')
sys.exit(1 if bad else 0)
PY
