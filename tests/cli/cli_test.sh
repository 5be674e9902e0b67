#!/usr/bin/env bash
# Whole-program tests of the rasd command: usage, exit codes, formats and bad
# input. Usage: cli_test.sh RASD_BINARY SOURCE_DIR
set -uo pipefail
rasd=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT [condition-result]
  local name=$1 want=$2 got=$3 cond=${4:-0}
  if [ "$want" = "$got" ] && [ "$cond" = 0 ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name (exit $got, want $want; condition $cond)"; fi
}

# --help on every subcommand, usage errors.
for sub in tokenize normalize extract; do
  "$rasd" $sub --help > "$tmp/help" 2>&1; check "$sub --help" 0 $?
  grep -q "Usage" "$tmp/help"; check "$sub --help prints usage" 0 0 $?
done
"$rasd" > /dev/null 2>&1; check "no subcommand" 2 $?
"$rasd" frobnicate > /dev/null 2>&1; check "unknown subcommand" 2 $?
"$rasd" tokenize --format xml - < /dev/null > /dev/null 2>&1; check "bad --format" 2 $?
"$rasd" extract --date 23/11/2024 - < /dev/null > /dev/null 2>&1; check "bad --date" 2 $?
"$rasd" --version | grep -q '^[0-9]'; check "--version" 0 $?

# Missing, empty and binary input.
"$rasd" tokenize "$tmp/none.txt" > /dev/null 2> "$tmp/err"; check "missing file" 1 $?
grep -q "none.txt" "$tmp/err"; check "missing file is named" 0 $?
: > "$tmp/empty.txt"
"$rasd" tokenize "$tmp/empty.txt" > "$tmp/out"; check "empty file" 0 $?
[ ! -s "$tmp/out" ]; check "empty file prints nothing" 0 $?
printf 'abc\0def' > "$tmp/bin"
"$rasd" tokenize "$tmp/bin" > /dev/null 2> "$tmp/err"; check "binary file" 1 $?
grep -q "binary input" "$tmp/err"; check "binary file message" 0 $?

# Segments: one output line per input line, original characters kept.
printf 'وقال السفير لأوباما إنه نشرتها.\n\nبالنسبة للسلطة\n' > "$tmp/a.txt"
"$rasd" tokenize --format segments "$tmp/a.txt" > "$tmp/seg"; check "segments" 0 $?
[ "$(wc -l < "$tmp/seg")" = 3 ]; check "segments keep line count" 0 $?
[ "$(tr -d ' +\n' < "$tmp/seg")" = "$(tr -d ' \n' < "$tmp/a.txt")" ]; check "segments keep characters" 0 $?
printf 'بلا سطر أخير' | "$rasd" tokenize - > "$tmp/seg"; check "stdin" 0 $?
[ "$(wc -l < "$tmp/seg")" = 1 ]; check "last line terminated" 0 $?

# JSON: one sentence a line, code point offsets that slice the input.
printf 'قال د. زيد: نعم. ثم غادر.' > "$tmp/j.txt"
"$rasd" tokenize --format json "$tmp/j.txt" > "$tmp/j.jsonl"; check "json" 0 $?
python3 - "$tmp/j.txt" "$tmp/j.jsonl" <<'PY'; check "json offsets are code points" 0 $?
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
lines = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert len(lines) == 2, lines
for s in lines:
    assert text[s['start']:s['end']] == s['text']
    for t in s['tokens']:
        assert text[t['start']:t['end']] == t['text'], t
PY

# Invalid UTF-8: repaired, warned, not fatal.
printf 'قال\xff ثم' > "$tmp/bad.txt"
"$rasd" tokenize "$tmp/bad.txt" > "$tmp/out" 2> "$tmp/err"; check "invalid utf-8" 0 $?
grep -q "U+FFFD" "$tmp/err"; check "invalid utf-8 warned" 0 $?

# A long line (5 MB, no line break) is processed in bounded pieces.
python3 -c "import sys; sys.stdout.write('كلمة ' * 1000000)" > "$tmp/long.txt"
"$rasd" tokenize "$tmp/long.txt" > "$tmp/out"; check "long line" 0 $?
[ "$(wc -l < "$tmp/out")" = 1 ] && [ "$(wc -w < "$tmp/out")" = 1000000 ]; check "long line output" 0 $?

# extract --jsonl: bad lines reported with file:line, the rest processed, exit 3.
printf '{"id":"a","date":"2024-11-23","text":"اجتمع الوزير."}\nnot json\n{"id":"b"}\n{"id":"c","text":"وصل."}\n' > "$tmp/in.jsonl"
"$rasd" extract --jsonl "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"; check "jsonl with bad lines" 3 $?
[ "$(wc -l < "$tmp/out")" = 2 ]; check "jsonl good lines kept" 0 $?
grep -q "in.jsonl:2: not valid JSON" "$tmp/err" && grep -q "in.jsonl:3: field 'text' is missing" "$tmp/err"
check "jsonl errors name file:line" 0 $?

# extract --jsonl reads a record's source: a national outlet's unnamed state bodies are its country's.
printf '{"id":"t","source":"JawharaFM","text":"أوقفت الوحدات الأمنية كهلا."}\n{"id":"c","source":"CNN","text":"أوقفت الوحدات الأمنية كهلا."}\n' > "$tmp/outlet.jsonl"
"$rasd" extract --jsonl "$tmp/outlet.jsonl" > "$tmp/out"; check "jsonl source" 0 $?
[ "$(grep -c '"code":"TUNCOP"' "$tmp/out")" = 1 ] && head -1 "$tmp/out" | grep -q '"code":"TUNCOP"'
check "jsonl source names the outlet" 0 $?

# Event formats: PLOVER JSONL and CAMEO TSV.
printf 'اجتمع وزير الخارجية الأردني مع وزير الخارجية المصري في عمان.' > "$tmp/ev.txt"
"$rasd" extract --format cameo-tsv --date 2024-11-23 "$tmp/ev.txt" > "$tmp/ev.tsv"; check "cameo-tsv" 0 $?
awk -F'\t' 'NF != 10 || $5 != "040" || $3 != "JORGOV" || $4 != "EGYGOV" { bad = 1 } END { exit bad || NR == 0 }' "$tmp/ev.tsv"
check "cameo-tsv columns" 0 $?
"$rasd" extract --format plover --date 2024-11-23 "$tmp/ev.txt" > "$tmp/ev.jsonl"; check "plover" 0 $?
python3 -c "import json,sys; e=[json.loads(l) for l in open(sys.argv[1])]; assert e and e[0]['event']=='CONSULT' and e[0]['actor']==['JORGOV'] and e[0]['date']=='2024-11-23', e" "$tmp/ev.jsonl"
check "plover fields" 0 $?

# The bundled examples analyse without warnings.
"$rasd" extract --summary "$src"/examples/*.txt > "$tmp/out"; check "examples" 0 $?
! grep -q "(warnings)" "$tmp/out"; check "examples without warnings" 0 $?

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
