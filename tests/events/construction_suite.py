#!/usr/bin/env python3
"""The event construction suite (docs/events.md, "Construction suite"): sentences written for rasd, one
construction family a group, each with the events a coder extracts.

  construction_suite.py --check SUITE.tsv            validate the format only
  construction_suite.py RASD SUITE.tsv [--update]    run rasd and compare; --update rewrites the status column

SUITE.tsv: family, variant, text, expected, status (ok | gap), tab-separated, `#` comments.
expected: `none`, or events joined by ` ; `, each `TYPE ACTORS>RECIPIENTS [flags]` with comma-joined
country codes and `-` for an empty side; flags: negated, requested, threatened, planned, hypothetical,
claimed. A sentence passes when
  - every expected event without an irrealis flag is in rasd's output: same type, each named side
    shares a country with rasd's side (CONSULT and COOPERATE in either order), a `-` side is empty in
    the output, `negated` matches, and a `claimed` event carries attribution;
  - no event is reported as a plain fact where the sentence has irrealis content of that type and sides
    (requested, threatened, planned, hypothetical: rasd must mark a modality or leave it out);
  - `none`: rasd reports no event.
Status `ok` rows must pass; `gap` rows are known weaknesses, counted, and fail the run when they start
passing (so the file is updated and progress shows). Exit 0 when every row is as its status says.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                'tools', 'annotation'))
from scoring import actor_keys  # noqa: E402  the scorer's reading of a participant

TYPES = set('AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST '
            'SANCTION MOBILIZE COERCE ASSAULT'.split())
FLAGS = {'negated', 'requested', 'threatened', 'planned', 'hypothetical', 'claimed'}
IRREALIS = {'requested', 'threatened', 'planned', 'hypothetical'}
VARIANTS = {'plain', 'negated', 'reported', 'passive', 'nominal', 'feminine', 'plural', 'domestic',
            'first_person', 'other'}
SYMMETRIC = {'CONSULT', 'COOPERATE'}


def parse_expected(s):
    """[(type, actors, recipients, flags)] or [] for none; raises ValueError."""
    s = s.strip()
    if s == 'none':
        return []
    out = []
    for part in s.split(' ; '):
        words = part.split()
        if len(words) < 2 or words[0] not in TYPES or '>' not in words[1]:
            raise ValueError('event %r is not `TYPE ACTORS>RECIPIENTS [flags]`' % part)
        a, r = words[1].split('>', 1)
        side = lambda x: frozenset() if x == '-' else frozenset(x.split(','))  # noqa: E731
        for code in side(a) | side(r):
            if not (len(code) == 3 and code.isupper()):
                raise ValueError('country %r is not a three-letter code' % code)
        flags = set(words[2:])
        if flags - FLAGS:
            raise ValueError('unknown flags %s' % sorted(flags - FLAGS))
        out.append((words[0], side(a), side(r), flags))
    return out


def read_suite(path, with_status=True):
    rows, problems = [], []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            want = 5 if with_status else 4
            if len(cols) < 4 or len(cols) > 5:
                problems.append('%s:%d: %d columns, want %d' % (path, n, len(cols), want))
                continue
            family, variant, text, expected = cols[:4]
            status = cols[4] if len(cols) == 5 else 'new'
            if variant not in VARIANTS:
                problems.append('%s:%d: variant %r is not one of %s' % (path, n, variant, sorted(VARIANTS)))
            if with_status and status not in ('ok', 'gap'):
                problems.append('%s:%d: status %r is not ok or gap' % (path, n, status))
            try:
                events = parse_expected(expected)
            except ValueError as e:
                problems.append('%s:%d: %s' % (path, n, e))
                continue
            rows.append({'line': n, 'family': family, 'variant': variant, 'text': text, 'expected': expected,
                         'events': events, 'status': status})
    return rows, problems


def keys(side):
    """Country-level keys of rasd's participants, as the scorer reads them (IGOEUREEC is the EU)."""
    out = set()
    for a in side or []:
        out |= actor_keys(a)
    return out


def side_ok(have, want):
    return not have if not want else bool(have & want)


def matches(ev, etype, actors, recips):
    if (ev.get('type') or '') != etype:
        return False
    a, r = keys(ev.get('actor')), keys(ev.get('recipient'))
    if side_ok(a, actors) and side_ok(r, recips):
        return True
    return etype in SYMMETRIC and side_ok(r, actors) and side_ok(a, recips)


def judge(row, events):
    """(passed, reason)."""
    if not row['events']:
        return (not events, 'events reported: %s' % describe(events) if events else '')
    for etype, actors, recips, flags in row['events']:
        hits = [e for e in events if matches(e, etype, actors, recips)]
        if flags & IRREALIS:
            if any(not e.get('modality') for e in hits):
                return False, '%s reported as a fact' % etype
            continue
        if not hits:
            return False, 'missed %s %s>%s (got %s)' % (etype, ','.join(sorted(actors)) or '-',
                                                    ','.join(sorted(recips)) or '-', describe(events))
        if ('negated' in flags) != any(e.get('negated') for e in hits):
            return False, '%s negation wrong' % etype
        if 'claimed' in flags and not any(e.get('attribution') for e in hits):
            return False, '%s not attributed' % etype
    return True, ''


def describe(events):
    return ', '.join('%s %s>%s' % (e.get('type'), ','.join(sorted(keys(e.get('actor')))) or '-',
                                   ','.join(sorted(keys(e.get('recipient')))) or '-') for e in events) or 'nothing'


def run(rasd, rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'suite.jsonl')
        with open(path, 'w', encoding='utf-8') as f:
            for i, row in enumerate(rows):
                f.write(json.dumps({'id': str(i), 'date': '2024-11-23', 'text': row['text']}, ensure_ascii=False) + '\n')
        out = subprocess.run([rasd, 'extract', '--jsonl', path], check=True, stdout=subprocess.PIPE).stdout
    docs = {d['id']: d for d in map(json.loads, out.decode('utf-8').splitlines())}
    return [docs[str(i)].get('events') or [] for i in range(len(rows))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('args', nargs='+', help='RASD SUITE.tsv, or SUITE.tsv with --check')
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--update', action='store_true', help='rewrite the status column from this run')
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
    results = [judge(row, events) for row, events in zip(rows, run(rasd, rows))]
    if a.update:
        with open(path, encoding='utf-8') as f:
            lines = f.read().splitlines()
        for row, (ok, _) in zip(rows, results):
            cols = lines[row['line'] - 1].split('\t')[:4]
            lines[row['line'] - 1] = '\t'.join(cols + ['ok' if ok else 'gap'])
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
    per_family = collections.OrderedDict()
    bad = []
    for row, (ok, why) in zip(rows, results):
        c = per_family.setdefault(row['family'], [0, 0])
        c[0] += ok
        c[1] += 1
        if not a.update and ok != (row['status'] == 'ok'):
            bad.append('%s:%d [%s] %s: %s' % (path, row['line'], row['family'],
                                               'now passes: mark it ok' if ok else 'fails: ' + why, row['text']))
    print('%-26s %6s %6s' % ('family', 'pass', 'rows'))
    for fam, (ok, n) in per_family.items():
        print('%-26s %6d %6d' % (fam, ok, n))
    passed = sum(ok for ok, _ in results)
    print('construction suite: %d of %d sentences pass, %d known gaps' % (passed, len(rows), len(rows) - passed))
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
