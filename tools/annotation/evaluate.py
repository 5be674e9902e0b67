#!/usr/bin/env python3
"""Evaluate rasd's events against the span-annotated gold (docs/evaluation.md).

  evaluate.py --gold data/annotations/dev.jsonl --rasd build/rasd     run rasd on the gold articles, score
  evaluate.py --gold data/annotations/dev.jsonl --pred out.jsonl      score output made before

Document level follows ../shared/tools/score.py (type, actor countries, recipient countries; `may`
events neither rewarded nor penalised); "strict" is the same except that a side the gold leaves empty
(an unknown attacker) must be empty in the output too; span level matches each predicted event's anchor to a gold
trigger of the same type that overlaps it. Every figure comes with a 95% bootstrap interval over
articles. --min-confidence drops predicted events below a confidence first (default 0, rasd's own
default: kDefaultMinConfidence in include/rasd/engine.h; with --rasd, rasd runs with 0 so that
--reliability sees every event).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import scoring  # noqa: E402


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def write_articles(gold, path):
    """The corpus records of the gold articles, for rasd to read (a temporary file, never committed)."""
    with open(path, 'w', encoding='utf-8') as f:
        for rec in gold:
            art = corpus.article(rec['id'])
            if art is None:
                raise SystemExit('evaluate.py: %s is not in ../shared/corpus' % rec['id'])
            f.write(json.dumps({'id': art['id'], 'date': art.get('date'), 'source': art.get('source'),
                                'text': art['text']}, ensure_ascii=False) + '\n')


def run_rasd(binary, gold, extra):
    with tempfile.TemporaryDirectory() as tmp:
        arts = os.path.join(tmp, 'articles.jsonl')
        write_articles(gold, arts)
        out = subprocess.run([binary, 'extract', '--jsonl', arts] + extra, check=True,
                             stdout=subprocess.PIPE).stdout.decode('utf-8')
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def evaluate(gold, preds, min_confidence=0.0, reps=1000):
    by_id = {str(d.get('id')): d for d in preds}
    doc, span, strict = [], [], []
    missing = 0
    for rec in gold:
        d = by_id.get(rec['id'])
        if d is None:
            missing += 1
            d = {'events': []}
        d = dict(d, events=[e for e in d.get('events') or [] if (e.get('confidence') or 1.0) >= min_confidence])
        doc.append(scoring.doc_counts(scoring.gold_doc_events(rec), scoring.pred_doc_events(d)))
        strict.append(scoring.doc_counts(scoring.gold_doc_events(rec), scoring.pred_doc_events(d), strict=True))
        span.append(scoring.span_counts(scoring.gold_span_instances(rec), scoring.pred_span_instances(d)))
    return {'articles': len(gold), 'missing_articles': missing,
            'document': scoring.report(doc, reps), 'span': scoring.report(span, reps),
            'document_strict': scoring.report(strict, reps)}


def labelled_events(gold, preds):
    """(article id, confidence, right at document level) for every predicted event; an event matching
    only a `may` gold event is left out (neither right nor wrong)."""
    by_id = {str(d.get('id')): d for d in preds}
    out = []
    for rec in gold:
        golds = scoring.gold_doc_events(rec)
        must = [g for g in golds if g['must']]
        for e in (by_id.get(rec['id']) or {}).get('events') or []:
            key = scoring.pred_doc_events({'events': [e]})[0]
            right = any(scoring.doc_matches(key, g) for g in must)
            if not right and any(scoring.doc_matches(key, g) for g in golds):
                continue
            out.append((rec['id'], float(e.get('confidence') or 0.0), bool(right)))
    return out


def reliability(gold, preds, edges=(0.0, 0.2, 0.4, 0.6, 0.8, 1.01)):
    """Of the predicted events in each confidence bin, how many are right at document level."""
    bins = [[0, 0] for _ in edges[:-1]]
    for _, c, right in labelled_events(gold, preds):
        for k in range(len(edges) - 1):
            if edges[k] <= c < edges[k + 1]:
                bins[k][0] += right
                bins[k][1] += 1
    return [(edges[k], min(edges[k + 1], 1.0), r, n) for k, (r, n) in enumerate(bins)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gold', nargs='+', required=True, help='annotation JSONL files')
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument('--pred', nargs='+', help="rasd's JSON output, one document a line")
    src.add_argument('--rasd', help='the rasd binary: run it on the gold articles')
    ap.add_argument('--min-confidence', type=float, default=0.0)
    ap.add_argument('--reps', type=int, default=1000, help='bootstrap resamples')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--reliability', action='store_true', help='also: share of right events per confidence bin')
    args = ap.parse_args()
    gold = [r for path in args.gold for r in read_jsonl(path)]
    if args.rasd:
        preds = run_rasd(args.rasd, gold, ['--min-confidence', '0'])
    else:
        preds = [d for path in args.pred for d in read_jsonl(path)]
    result = evaluate(gold, preds, args.min_confidence, args.reps)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print('articles: %d (missing from the predictions: %d)' % (result['articles'], result['missing_articles']))
        print(scoring.format_report('document level (type, actor countries, recipient countries)',
                                    result['document']))
        print(scoring.format_report('span level (type and overlapping trigger)', result['span']))
        print(scoring.format_report('document level, strict (a side the gold leaves empty must be empty)',
                                    result['document_strict']))
    if args.reliability:
        print('confidence      events  right  share')
        for lo, hi, right, n in reliability(gold, preds):
            print('[%.1f, %.1f)  %7d %6d  %s' % (lo, hi, n, right, '%.2f' % (right / n) if n else '-'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
