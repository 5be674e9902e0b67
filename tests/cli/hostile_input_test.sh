#!/usr/bin/env bash
# Hostile and edge-case input to the rasd command (issue #17): every case
# gives a clear error or a correct result, never a crash, a hang or a lost
# record. The inputs are generated here. Usage: hostile_input_test.sh RASD_BINARY
set -uo pipefail
rasd=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT [condition-result]
  local name=$1 want=$2 got=$3 cond=${4:-0}
  if [ "$want" = "$got" ] && [ "$cond" = 0 ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name (exit $got, want $want; condition $cond)"; fi
}

good1='{"id":"g1","date":"2024-11-23","text":"اجتمع وزير الخارجية الأردني مع نظيره المصري."}'
good2='{"id":"g2","date":"2024-11-24","text":"وصل الرئيس إلى عمان أمس."}'

# A line nested 100,000 deep between two good records: reported, skipped, exit 3.
{ echo "$good1"
  python3 -c "n=100000; print('{\"id\":\"p\",\"text\":\"x\",\"meta\":' + '['*n + ']'*n + '}')"
  echo "$good2"; } > "$tmp/deep.jsonl"
timeout 20 "$rasd" extract --jsonl "$tmp/deep.jsonl" > "$tmp/out" 2> "$tmp/err"; check "deep nesting: extract" 3 $?
[ "$(wc -l < "$tmp/out")" = 2 ]; check "deep nesting: both good records extracted" 0 $?
grep -q "deep.jsonl:2: nested deeper than 64 levels" "$tmp/err"; check "deep nesting: file:line reason" 0 $?
timeout 60 "$rasd" ingest --db "$tmp/deep.db" "$tmp/deep.jsonl" > /dev/null 2> "$tmp/err"; check "deep nesting: ingest" 3 $?
timeout 60 "$rasd" ingest --db "$tmp/deep.db" "$tmp/deep.jsonl" > /dev/null 2>&1; check "deep nesting: ingest re-run" 3 $?
"$rasd" stats --db "$tmp/deep.db" --format json 2>/dev/null > "$tmp/stats" || "$rasd" stats --db "$tmp/deep.db" > "$tmp/stats"
grep -Eq '(documents[^0-9]*2|2[^0-9]*documents)' "$tmp/stats"; check "deep nesting: records after it stored" 0 $?
# The same line through a streaming filter: the output before and after it survives.
timeout 20 "$rasd" extract --jsonl - < "$tmp/deep.jsonl" > "$tmp/out" 2>/dev/null; check "deep nesting: stdin filter" 3 $?

# 500,000 keys on one line: refused in linear time, not minutes.
python3 -c "print('{\"text\":\"x\"' + ''.join(',\"k%d\":1' % i for i in range(500000)) + '}')" > "$tmp/keys.jsonl"
echo "$good1" >> "$tmp/keys.jsonl"
start=$(date +%s%N)
timeout 30 "$rasd" extract --jsonl "$tmp/keys.jsonl" > "$tmp/out" 2> "$tmp/err"; check "500,000 keys" 3 $?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 10000 ]; check "500,000 keys within 10 s (took ${ms} ms)" 0 $?
grep -q "keys.jsonl:1: more than 10000 keys in one object" "$tmp/err"; check "500,000 keys reason" 0 $?

# A line longer than the 16 MiB limit is never held whole: skipped, exit 3.
python3 -c "import sys; sys.stdout.write('{\"text\":\"' + 'x' * (17 << 20) + '\"}\n')" > "$tmp/long.jsonl"
echo "$good2" >> "$tmp/long.jsonl"
"$rasd" extract --jsonl "$tmp/long.jsonl" > "$tmp/out" 2> "$tmp/err"; check "17 MiB line" 3 $?
grep -q "long.jsonl:1: line of 17825803 bytes is longer than the limit of 16777216 bytes" "$tmp/err"
check "17 MiB line reason" 0 $?
[ "$(wc -l < "$tmp/out")" = 1 ]; check "17 MiB line: the next record is read" 0 $?

# One invalid UTF-8 byte is repaired (U+FFFD), the record kept.
printf '{"id":"u","text":"قال \xff الوزير"}\n' > "$tmp/utf8.jsonl"
"$rasd" extract --jsonl "$tmp/utf8.jsonl" > "$tmp/out" 2> "$tmp/err"; check "invalid UTF-8 in JSONL" 0 $?
python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).read()); assert '\ufffd' in d['text'] and d['id']=='u', d" "$tmp/out"
check "invalid UTF-8 repaired, record kept" 0 $?

# Numeric ids above 2^64 stay exact: two articles, not one replacing the other.
printf '{"id":18446744073709551617,"text":"أ"}\n{"id":18446744073709551618,"text":"ب"}\n' > "$tmp/ids.jsonl"
"$rasd" ingest --db "$tmp/ids.db" "$tmp/ids.jsonl" > /dev/null 2>&1; check "big numeric ids: ingest" 0 $?
"$rasd" show --db "$tmp/ids.db" 18446744073709551618 > /dev/null 2>&1; check "big numeric id kept as written" 0 $?
"$rasd" show --db "$tmp/ids.db" 18446744073709551617 > /dev/null 2>&1; check "the other id kept too" 0 $?

# Impossible dates: exit 2 for options, a skipped record for JSONL.
for d in 2024-13-45 0000-00-00 2024-02-30 2024-1-5; do
  "$rasd" extract --date "$d" - < /dev/null > /dev/null 2> "$tmp/err"; check "extract --date $d" 2 $?
  grep -q "is not a real calendar date" "$tmp/err"; check "extract --date $d says why" 0 $?
  "$rasd" ingest --db "$tmp/d.db" --date "$d" "$tmp/utf8.jsonl" > /dev/null 2>&1; check "ingest --date $d" 2 $?
done
"$rasd" query --db "$tmp/ids.db" --since 2024-00 > /dev/null 2>&1; check "query --since 2024-00" 2 $?
"$rasd" query --db "$tmp/ids.db" --until 2024-02-30 > /dev/null 2>&1; check "query --until 2024-02-30" 2 $?
printf '%s\n' '{"id":"d1","date":"2024-02-30","text":"أمس"}' '{"id":"d2","date":20240101,"text":"أمس"}' \
  '{"id":"d3","date":"٢٠٢٤-١١-٢٣","text":"وصل الوزير أمس."}' > "$tmp/dates.jsonl"
"$rasd" extract --jsonl "$tmp/dates.jsonl" > "$tmp/out" 2> "$tmp/err"; check "JSONL dates" 3 $?
grep -q "dates.jsonl:1: date '2024-02-30' is not a real calendar date" "$tmp/err" &&
  grep -q "dates.jsonl:2: field 'date' is not a string" "$tmp/err"; check "JSONL bad dates reported" 0 $?
python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).read()); assert d['id']=='d3' and d['date']=='2024-11-23', d" "$tmp/out"
check "Arabic-Indic date digits read" 0 $?

# Small usage errors.
"$rasd" frobnicate > /dev/null 2> "$tmp/err"; check "unknown command" 2 $?
grep -q "unknown command 'frobnicate'" "$tmp/err"; check "unknown command named" 0 $?
"$rasd" query --db "$tmp/ids.db" --limit -5 > /dev/null 2>&1; check "query --limit -5" 2 $?
"$rasd" stats --db "$tmp/ids.db" --limit -1 > /dev/null 2>&1; check "stats --limit -1" 2 $?

# Two ingests into a new database at once both succeed (migration under the write lock).
for round in 1 2 3; do
  rm -f "$tmp/race.db"*
  "$rasd" ingest --db "$tmp/race.db" "$tmp/utf8.jsonl" > /dev/null 2> "$tmp/race1" & p1=$!
  "$rasd" ingest --db "$tmp/race.db" "$tmp/ids.jsonl" > /dev/null 2> "$tmp/race2" & p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  check "concurrent ingests into a new database, round $round ($(cat "$tmp/race1" "$tmp/race2" | tr '\n\r' '  ' | tail -c 200))" "0 0" "$r1 $r2"
done

echo "hostile input: $passed passed, $failed failed"
[ "$failed" = 0 ]
