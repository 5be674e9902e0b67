#!/usr/bin/env python3
"""Event annotation at scale (docs/annotation.md).

  annot.py pool [--start N] [--count K]    eligible pool articles in pool order (and skipped ones)
  annot.py show ID [ID ...]                an article as annotators see it: numbered sentences
  annot.py check DRAFT.json [...]          validate drafts against the corpus (spans, codes)
  annot.py build --drafts DIR [DIR ...]    drafts -> data/annotations/{train,dev,test}.jsonl, skipped.tsv
  annot.py validate FILE.jsonl [...]       the CI checker: schema always, spans when ../shared is there
  annot.py split FILE.jsonl --seed S       assign train/dev/test by article (70/15/15)
  annot.py stats FILE.jsonl [...]          articles, instances and must instances per type
  annot.py articles FILE.jsonl --out F     the annotated articles' corpus records (not for committing)
  annot.py agree A.jsonl B.jsonl           inter-annotator agreement on the articles both annotated
  annot.py export-gold FILE.jsonl --out DIR  the records as ../shared/tools/score.py gold files

Only the Python standard library is used.
"""
import argparse
import glob
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import agreement  # noqa: E402
import corpus  # noqa: E402
import record  # noqa: E402
import scoring  # noqa: E402


def cmd_pool(args):
    ids = corpus.pool_ids()
    taken = 0
    for pos, doc_id in enumerate(ids):
        if pos < args.start:
            continue
        why = corpus.eligibility(corpus.article(doc_id))
        print('%d\t%s\t%s' % (pos, doc_id, why or 'take'))
        taken += why is None
        if args.count and taken >= args.count:
            break


def cmd_show(args):
    for doc_id in args.ids:
        rec = corpus.article(doc_id)
        if rec is None:
            print('%s: not in the corpus' % doc_id, file=sys.stderr)
            return 1
        text = rec['text']
        print('=== %s  date=%s  source=%s' % (rec['id'], rec.get('date'), rec.get('source')))
        print('title (context only, not annotated): %s' % rec.get('title', ''))
        for i, (s, e) in enumerate(corpus.sentences(text)):
            print('[%d] %s' % (i, text[s:e]))
        print()
    return 0


def load_draft(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def cmd_check(args):
    bad = 0
    for path in args.drafts:
        try:
            draft = load_draft(path)
        except (OSError, ValueError) as e:
            print('%s: not readable JSON: %s' % (path, e))
            bad += 1
            continue
        rec = corpus.article(draft.get('id') or '')
        if rec is None:
            print('%s: id %r is not in the corpus' % (path, draft.get('id')))
            bad += 1
            continue
        out, p = record.resolve(draft, rec)
        for w in p.warnings:
            print('warning: ' + w)
        for e in p.errors:
            print('error: ' + e)
        bad += bool(p.errors)
        if not p.errors:
            print('%s: ok, %d events' % (path, len(out['events'])))
    return 1 if bad else 0


def pool_rank():
    return {doc_id: i for i, doc_id in enumerate(corpus.pool_ids())}


def cmd_build(args):
    """Drafts -> data/annotations/{train,dev,test}.jsonl and skipped.tsv. For an article drafted in several
    folders the first folder named wins (the adjudicated one first). Refuses to change a frozen test split."""
    rank = pool_rank()
    chosen = {}
    for folder in args.drafts:
        for path in sorted(glob.glob(os.path.join(folder, '*.json'))):
            doc_id = os.path.basename(path)[:-5]
            chosen.setdefault(doc_id, path)
    splits = {'train': [], 'dev': [], 'test': [], 'test2': []}
    test_path = os.path.join(args.out_dir, 'test.jsonl')
    frozen_test = None
    if os.path.exists(test_path) and not args.unfreeze:
        frozen_test = {r['id'] for r in read_jsonl(test_path)}
    bad = 0
    for doc_id, path in chosen.items():
        draft = load_draft(path)
        rec = corpus.article(draft.get('id') or '')
        why = corpus.eligibility(rec)
        if why:
            print('%s: %s, left out' % (path, why), file=sys.stderr)
            bad += 1
            continue
        out, p = record.resolve(draft, rec)
        if p.errors:
            print('\n'.join(p.errors), file=sys.stderr)
            bad += 1
            continue
        split = split_of(doc_id, args.seed)
        # The frozen test split never grows: later articles drawn into it form test2.
        if split == 'test' and frozen_test is not None and doc_id not in frozen_test:
            split = 'test2'
        splits[split].append(out)
    last = max(rank[r['id']] for recs in splits.values() for r in recs)
    for name, recs in splits.items():
        recs.sort(key=lambda r: rank.get(r['id'], 1 << 30))
        path = os.path.join(args.out_dir, name + '.jsonl')
        text = ''.join(json.dumps(r, ensure_ascii=False, sort_keys=True) + '\n' for r in recs)
        if name == 'test2' and not recs:
            continue
        if name == 'test' and frozen_test is not None:
            with open(test_path, encoding='utf-8') as f:
                if f.read() != text:
                    raise SystemExit('annot.py build: the test split is frozen and would change; '
                                     'new articles must not be drawn into it (see docs/evaluation.md)')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        print('%s: %d articles, %d events' % (path, len(recs), sum(len(r['events']) for r in recs)))
    with open(os.path.join(args.out_dir, 'skipped.tsv'), 'w', encoding='utf-8') as f:
        f.write('# pool articles passed over, in pool order (docs/annotation.md)\npool_position\tid\treason\n')
        for pos, doc_id in enumerate(corpus.pool_ids()[:last + 1]):
            why = corpus.eligibility(corpus.article(doc_id))
            if why:
                f.write('%d\t%s\t%s\n' % (pos, doc_id, why))
            elif doc_id not in chosen:
                f.write('%d\t%s\t%s\n' % (pos, doc_id, 'not annotated yet'))
    return 1 if bad else 0


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_validate(args):
    spans = corpus.shared_available()
    if not spans:
        print('annot.py validate: ../shared/corpus is absent: span checks skipped, schema checked')
    errors = 0
    articles = events = 0
    for path in args.files:
        seen = set()
        for n, rec in enumerate(read_jsonl(path), 1):
            article = corpus.article(rec.get('id', '')) if spans else None
            if spans and article is None:
                print('%s:%d: id %r not in the corpus' % (path, n, rec.get('id')))
                errors += 1
                continue
            if rec.get('id') in seen:
                print('%s:%d: duplicate id %s' % (path, n, rec.get('id')))
                errors += 1
            seen.add(rec.get('id'))
            p = record.check_record(rec, article)
            for e in p.errors:
                print('%s:%d: %s' % (path, n, e))
            errors += len(p.errors)
            articles += 1
            events += len(rec.get('events') or [])
    print('annot.py validate: %d articles, %d events, %d errors' % (articles, events, errors))
    return 1 if errors else 0


SEED = 'rasd-gold-1'


def split_of(doc_id, seed):
    """train / dev / test from a seeded hash of the id: stable as the corpus grows."""
    h = int(hashlib.sha256(('%s:%s' % (seed, doc_id)).encode()).hexdigest()[:8], 16) % 100
    return 'train' if h < 70 else 'dev' if h < 85 else 'test'


def cmd_split(args):
    counts = {}
    for rec in read_jsonl(args.file):
        s = split_of(rec['id'], args.seed)
        counts[s] = counts.get(s, 0) + 1
        print('%s\t%s' % (rec['id'], s))
    print(counts, file=sys.stderr)


def cmd_stats(args):
    """Articles, instances and `must` instances per type, per file."""
    from collections import Counter
    rows = []
    for path in args.files:
        recs = read_jsonl(path)
        inst = Counter(e['type'] for r in recs for e in r['events'])
        must = Counter(e['type'] for r in recs for e in r['events'] if e['must'])
        rows.append((os.path.basename(path), len(recs), sum(1 for r in recs if not r['events']), inst, must))
    types = sorted({t for row in rows for t in row[3]})
    print('| file | articles | without events | instances | must |' + ''.join(' %s |' % t for t in types))
    print('|---' * (5 + len(types)) + '|')
    for name, n, empty, inst, must in rows:
        print('| %s | %d | %d | %d | %d |' % (name, n, empty, sum(inst.values()), sum(must.values()))
              + ''.join(' %d / %d |' % (inst[t], must[t]) for t in types))


def cmd_articles(args):
    """The corpus records of annotated articles, as rasd reads them (for `rasd train events`)."""
    import evaluate
    gold = [r for path in args.files for r in read_jsonl(path)]
    evaluate.write_articles(gold, args.out)


def cmd_agree(args):
    a = {r['id']: r for r in read_jsonl(args.a)}
    b = {r['id']: r for r in read_jsonl(args.b)}
    both = sorted(set(a) & set(b))
    result = agreement.agreement([a[i] for i in both], [b[i] for i in both])
    print(json.dumps(result, indent=1))


def cmd_export_gold(args):
    """One score.py gold file per article: its distinct document-level events."""
    os.makedirs(args.out, exist_ok=True)
    for rec in read_jsonl(args.file):
        events = []
        for n, g in enumerate(scoring.gold_doc_events(rec)):
            e = {'id': 'e%d' % (n + 1), 'type': g['type'], 'actor': g['actor'], 'recipient': g['recipient'],
                 'must': g['must']}
            if g['attributed_to']:
                e['attributed_to'] = g['attributed_to']
            events.append(e)
        doc = {'document': {'id': rec['id'], 'date': rec['date'], 'source': rec['source']},
               'entities': [], 'events': events}
        with open(os.path.join(args.out, rec['id'] + '.json'), 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    a = sub.add_parser('pool')
    a.add_argument('--start', type=int, default=0)
    a.add_argument('--count', type=int, default=0)
    a = sub.add_parser('show')
    a.add_argument('ids', nargs='+')
    a = sub.add_parser('check')
    a.add_argument('drafts', nargs='+')
    a = sub.add_parser('build')
    a.add_argument('--drafts', nargs='+', required=True, help='draft folders, the adjudicated one first')
    a.add_argument('--out-dir', default=os.path.join(corpus.PROJECT, 'data', 'annotations'))
    a.add_argument('--seed', default=SEED)
    a.add_argument('--unfreeze', action='store_true', help='rewrite the test split (never after it is frozen)')
    a = sub.add_parser('validate')
    a.add_argument('files', nargs='+')
    a = sub.add_parser('split')
    a.add_argument('file')
    a.add_argument('--seed', default=SEED)
    a = sub.add_parser('stats')
    a.add_argument('files', nargs='+')
    a = sub.add_parser('articles')
    a.add_argument('files', nargs='+')
    a.add_argument('--out', required=True)
    a = sub.add_parser('agree')
    a.add_argument('a')
    a.add_argument('b')
    a = sub.add_parser('export-gold')
    a.add_argument('file')
    a.add_argument('--out', required=True)
    args = ap.parse_args()
    return {'stats': cmd_stats, 'articles': cmd_articles, 'agree': cmd_agree, 'export-gold': cmd_export_gold, 'pool': cmd_pool, 'show': cmd_show, 'check': cmd_check, 'build': cmd_build,
            'validate': cmd_validate, 'split': cmd_split}[args.cmd](args) or 0


if __name__ == '__main__':
    sys.exit(main())
