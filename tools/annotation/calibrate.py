#!/usr/bin/env python3
"""Fit the event confidence calibration on the dev split (docs/events.md, "Calibration").

  calibrate.py --rasd build/rasd --out data/models/events_calibration.tsv
  calibrate.py --rasd build/rasd --check          only the two-fold check, nothing written

rasd extracts the dev articles with raw model probabilities (`--event-calibration none`); each
emitted event is right or wrong at document level as in `evaluate.py --reliability` (an event matching
only a `may` gold event is left out). Isotonic regression (pool adjacent violators) over the raw
probability gives a rising step function; steps with fewer than --min-events events are pooled with a
neighbour, so that no step rests on a handful of events.

The check is honest about the fit: the dev articles are split in two by a hash of their id, the map is
fitted on one half and applied to the other, and the reliability table and the expected calibration
error (ECE: mean |confidence - share right|, weighted by events) are printed for those out-of-fold
confidences, beside the same for the raw probabilities.
"""
import argparse
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import labelled_events, read_jsonl, run_rasd  # noqa: E402

EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def fit(points, min_events):
    """Rising steps [(raw_from, confidence, events, right)] by pool adjacent violators."""
    blocks = []  # [raw_from, right, events]
    for p, right in sorted((p, r) for _, p, r in points):
        blocks.append([p, int(right), 1])
        while len(blocks) > 1 and blocks[-2][1] * blocks[-1][2] >= blocks[-1][1] * blocks[-2][2]:
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    # Small steps join the neighbour nearer in share (a weighted mean keeps the steps rising).
    while len(blocks) > 1:
        small = min(range(len(blocks)), key=lambda k: blocks[k][2])
        if blocks[small][2] >= min_events:
            break
        share = blocks[small][1] / blocks[small][2]
        left = small - 1 if small > 0 else None
        right = small + 1 if small + 1 < len(blocks) else None
        if left is None or (right is not None and
                            abs(blocks[right][1] / blocks[right][2] - share) < abs(blocks[left][1] / blocks[left][2] - share)):
            left = small
        a, b = blocks[left], blocks.pop(left + 1)
        a[1] += b[1]
        a[2] += b[2]
    if blocks:
        blocks[0][0] = 0.0
    return [(raw, round(r / n, 3), n, r) for raw, r, n in blocks]


def apply(steps, p):
    conf = steps[0][1]
    for raw_from, c, _, _ in steps:
        if raw_from <= p:
            conf = c
    return conf


def reliability(pairs):
    bins = [[0, 0, 0.0] for _ in EDGES[:-1]]
    for conf, right in pairs:
        for k in range(len(EDGES) - 1):
            if EDGES[k] <= conf < EDGES[k + 1]:
                bins[k][0] += right
                bins[k][1] += 1
                bins[k][2] += conf
    n = sum(b[1] for b in bins)
    ece = sum(abs(b[2] / b[1] - b[0] / b[1]) * b[1] for b in bins if b[1]) / n if n else 0.0
    return bins, ece


def print_table(title, pairs):
    bins, ece = reliability(pairs)
    print('%s (ECE %.3f)' % (title, ece))
    print('confidence      events  right  share  mean confidence')
    for k, (right, n, total) in enumerate(bins):
        print('[%.1f, %.1f)  %7d %6d  %5s  %s' % (EDGES[k], min(EDGES[k + 1], 1.0), n, right,
                                                 '%.2f' % (right / n) if n else '-', '%.2f' % (total / n) if n else '-'))


def half(article_id):
    return hashlib.sha256(('rasd-calibration-1:' + article_id).encode()).digest()[0] & 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--rasd', required=True, help='the rasd binary (its built-in event model is calibrated)')
    ap.add_argument('--event-model', help='calibrate this model file instead of the built-in one')
    ap.add_argument('--gold', default='data/annotations/dev.jsonl')
    ap.add_argument('--out', help='where to write the calibration TSV')
    ap.add_argument('--min-events', type=int, default=30, help='fewest events a step may rest on')
    ap.add_argument('--check', action='store_true', help='print the two-fold check only')
    args = ap.parse_args()
    if not args.out and not args.check:
        ap.error('give --out or --check')
    gold = read_jsonl(args.gold)
    extra = ['--event-calibration', 'none', '--min-confidence', '0'] + (['--event-model', args.event_model] if args.event_model else [])
    points = labelled_events(gold, run_rasd(args.rasd, gold, extra))
    print('calibrate.py: %d labelled events on %d articles' % (len(points), len(gold)), file=sys.stderr)
    out_of_fold = []
    for k in (0, 1):
        steps = fit([q for q in points if half(q[0]) != k], args.min_events)
        out_of_fold += [(apply(steps, p), r) for a, p, r in points if half(a) == k]
    print_table('raw model probability, dev', [(p, r) for _, p, r in points])
    print_table('calibrated, two-fold on dev (fitted on one half, applied to the other)', out_of_fold)
    if args.check:
        return 0
    steps = fit(points, args.min_events)
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('# rasd event confidence calibration: the decision model\'s probability (raw_from and up) ->\n'
                '# the share of such events right at document level on the dev split of the event gold.\n'
                '# Written by tools/train_events.sh (tools/annotation/calibrate.py, min %d events a step);\n'
                '# docs/events.md, "Calibration".\n' % args.min_events)
        f.write('raw_from\tconfidence\tevents\tright\n')
        for raw, conf, n, r in steps:
            f.write('%.4f\t%.3f\t%d\t%d\n' % (raw, conf, n, r))
    print('calibrate.py: %d steps written to %s' % (len(steps), args.out), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
