#!/usr/bin/env python3
"""The actor suite (docs/lexicons.md, "Actor suite"): sentences written for rasd, one actor construction a
family, each with the actor code expected for every participant it names.

  actor_suite.py --check SUITE.tsv            validate the format only
  actor_suite.py RASD SUITE.tsv [--update]    run rasd and compare; --update rewrites the status column

SUITE.tsv: family, date, text, expected, status (ok | gap), tab-separated, `#` comments. date: the article's
date (YYYY-MM-DD) or `-` for none. expected: `MENTION=CODE` pairs joined by ` ; `; MENTION is a piece of
the text (its first occurrence; `MENTION@2` for the second); CODE is the actor code rasd must give the
entity that starts in MENTION's first word (the longest one); a bare sector (CVL, UAF …) for a group the
text gives no country: that sector with no country and no other code; or `-` when MENTION is no participant (a
place, a site, a common word: no entity there, or one that cannot act — a location, a date, or an entity
with neither country nor code). A sentence passes when every pair holds. Status `ok` rows must pass; `gap`
rows are known weaknesses, counted, and fail the run when they start passing (so the file is updated and
progress shows). Exit 0 when every row is as its status says.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
CODE = re.compile(r'^([A-Z]{3,15}|-)$')
PARTICIPANT_TYPES = {'PER', 'ORG', 'GPE', 'ROLE'}
SECTORS = set('GOV MIL LEG JUD COP SPY REB UAF OPP PTY CVL CRM REF LAB EDU JRN MED HRI AGR BUS REL ELI'.split())


def parse_expected(s, text):
    """[(mention, start, end, code)]; raises ValueError."""
    out = []
    for part in s.split(' ; '):
        if '=' not in part:
            raise ValueError('%r is not MENTION=CODE' % part)
        mention, code = part.rsplit('=', 1)
        mention, code = mention.strip(), code.strip()
        nth = 1
        if re.search(r'@\d+$', mention):
            mention, nth = mention.rsplit('@', 1)
            nth = int(nth)
        if not CODE.match(code):
            raise ValueError('code %r is not capitals or -' % code)
        start = -1
        for _ in range(nth):
            start = text.find(mention, start + 1)
            if start < 0:
                raise ValueError('mention %r (occurrence %d) is not in the text' % (mention, nth))
        out.append((mention, start, start + len(mention), code))
    return out


def read_suite(path, with_status=True):
    rows, problems = [], []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) < 4 or len(cols) > 5:
                problems.append('%s:%d: %d columns, want 5' % (path, n, len(cols)))
                continue
            family, date, text, expected = cols[:4]
            status = cols[4] if len(cols) == 5 else 'new'
            if date != '-' and not DATE.match(date):
                problems.append('%s:%d: date %r is not YYYY-MM-DD or -' % (path, n, date))
            if with_status and status not in ('ok', 'gap'):
                problems.append('%s:%d: status %r is not ok or gap' % (path, n, status))
            try:
                pairs = parse_expected(expected, text)
            except ValueError as e:
                problems.append('%s:%d: %s' % (path, n, e))
                continue
            rows.append({'line': n, 'family': family, 'date': date, 'text': text, 'pairs': pairs, 'status': status})
    return rows, problems


def is_participant(e):
    if not (e.get('country') or e.get('code')):
        return False
    if e.get('type') in PARTICIPANT_TYPES:
        return True
    return e.get('type') == 'LOC' and e.get('sector') == 'GOV'  # a capital for its government


def entity_at(entities, start, end, text):
    """The longest entity that starts in the mention's first word."""
    first_word_end = text.find(' ', start)
    if first_word_end < 0 or first_word_end > end:
        first_word_end = end
    here = [e for e in entities if start <= e['start'] < first_word_end and e.get('type') not in ('DATE', 'NUM')]
    return max(here, key=lambda e: e['end'] - e['start']) if here else None


def judge_pair(row, entities, mention, start, end, code):
    """'' when rasd gives MENTION the expected code, else why not."""
    e = entity_at(entities, start, end, row['text'])
    if code == '-':
        if e is not None and is_participant(e):
            return '%s is a participant: %s %s' % (mention, e.get('type'), e.get('code') or e.get('country'))
        return ''
    if e is None:
        return 'no entity at %s' % mention
    if code in SECTORS:  # a group the text gives no country: typed by its sector only
        if e.get('country') or e.get('sector') != code or (e.get('code') or code) != code:
            return '%s: got %s %r country %s sector %s, want sector %s only' % (
                mention, e.get('type'), e.get('text'), e.get('country') or '""', e.get('sector') or '""', code)
        return ''
    if (e.get('code') or '') != code:
        return '%s: got %s %r %s, want %s' % (mention, e.get('type'), e.get('text'), e.get('code') or '""', code)
    return ''


def judge(row, doc):
    """(passed, reason, participants right)."""
    entities = doc.get('entities') or []
    whys = [judge_pair(row, entities, *pair) for pair in row['pairs']]
    wrong = [w for w in whys if w]
    return not wrong, '; '.join(wrong), len(whys) - len(wrong)


def run(rasd, rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'suite.jsonl')
        with open(path, 'w', encoding='utf-8') as f:
            for i, row in enumerate(rows):
                rec = {'id': str(i), 'text': row['text']}
                if row['date'] != '-':
                    rec['date'] = row['date']
                f.write(json.dumps(rec, ensure_ascii=False) + '\n')
        out = subprocess.run([rasd, 'extract', '--jsonl', path], check=True, stdout=subprocess.PIPE).stdout
    docs = {d['id']: d for d in map(json.loads, out.decode('utf-8').splitlines())}
    return [docs[str(i)] for i in range(len(rows))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('args', nargs='+', help='RASD SUITE.tsv, or SUITE.tsv with --check')
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--update', action='store_true', help='rewrite the status column from this run')
    ap.add_argument('--verbose', action='store_true', help='print every failing row with its reason')
    a = ap.parse_args()
    if a.check:
        rows, problems = read_suite(a.args[0], with_status=False)
        for p in problems:
            print(p)
        print('%s: %d sentences, %s' % (a.args[0], len(rows), 'ok' if not problems else '%d problems' % len(problems)))
        return 1 if problems else 0
    rasd, path = a.args
    rows, problems = read_suite(path, with_status=not a.update)
    if problems:
        print('\n'.join(problems))
        return 1
    results = [judge(row, doc) for row, doc in zip(rows, run(rasd, rows))]
    if a.update:
        with open(path, encoding='utf-8') as f:
            lines = f.read().splitlines()
        for row, (ok, _, _) in zip(rows, results):
            cols = lines[row['line'] - 1].split('\t')[:4]
            lines[row['line'] - 1] = '\t'.join(cols + ['ok' if ok else 'gap'])
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
    per_family = collections.OrderedDict()
    bad = []
    pairs_ok = pairs_all = 0
    for row, (ok, why, right) in zip(rows, results):
        c = per_family.setdefault(row['family'], [0, 0])
        c[0] += ok
        c[1] += 1
        pairs_all += len(row['pairs'])
        pairs_ok += right
        if not a.update and ok != (row['status'] == 'ok'):
            bad.append('%s:%d [%s] %s: %s' % (path, row['line'], row['family'],
                                               'now passes: mark it ok' if ok else 'fails: ' + why, row['text']))
        elif a.verbose and not ok:
            print('gap %s:%d [%s] %s: %s' % (path, row['line'], row['family'], why, row['text']))
    print('%-24s %6s %6s' % ('family', 'pass', 'rows'))
    for fam, (ok, n) in per_family.items():
        print('%-24s %6d %6d' % (fam, ok, n))
    passed = sum(r[0] for r in results)
    print('actor suite: %d of %d sentences pass (%.1f%%), %d known gaps; %d of %d participants right (%.1f%%)' % (
        passed, len(rows), 100.0 * passed / max(1, len(rows)), len(rows) - passed, pairs_ok, pairs_all,
        100.0 * pairs_ok / max(1, pairs_all)))
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
