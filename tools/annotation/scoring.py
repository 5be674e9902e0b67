"""Scoring of events against span-annotated gold: document level (the rules of ../shared/tools/score.py)
and span level (trigger spans), with bootstrap confidence intervals over articles.

Gold: records of data/annotations/*.jsonl. Predictions: rasd's document JSON, one article a line.
"""
import random
from collections import Counter, defaultdict

SYMMETRIC = {'CONSULT', 'COOPERATE'}


# ---- document level ----------------------------------------------------------------------------------

def actor_keys(a):
    """Country-level keys of a predicted participant (dict or code string), as score.py reads them."""
    if isinstance(a, str):
        a = {'code': a}
    keys = set()
    country = (a.get('country') or '').upper()
    code = (a.get('code') or '').upper()
    for c in (country, code[:3]):
        if c:
            keys.add(c)
    if code.startswith('IGO') or country == 'IGO':
        keys.add('IGO')
        if 'UNO' in code:
            keys.add('UNO')
        if 'EUR' in code:
            keys.add('EUR')
    if country == 'UNO' or code.startswith('UNO'):
        keys |= {'UNO', 'IGO'}
    if country == 'EUR':
        keys |= {'EUR', 'IGO'}
    keys.discard('')
    return keys


def side_keys(parts):
    keys = set()
    for a in parts or []:
        keys |= actor_keys(a)
    return frozenset(keys)


def gold_doc_events(rec):
    """score.py's gold events of a record: one per distinct (type, actors, recipients, must, claimed)."""
    out = {}
    for ev in rec['events']:
        actor = sorted({p['country'] for p in ev['actor'] if p.get('country')})
        recip = sorted({p['country'] for p in ev['recipient'] if p.get('country')})
        claimed = bool(ev.get('attribution'))
        key = (ev['type'], tuple(actor), tuple(recip), ev['must'], claimed)
        out[key] = {'type': ev['type'], 'actor': actor, 'recipient': recip, 'must': ev['must'],
                    'attributed_to': ((ev['attribution'] or {}).get('country') or 'speaker') if claimed else None}
    return list(out.values())


def pred_doc_events(doc):
    """Unique (type, actor keys, recipient keys, attributed) of a predicted document (score.py)."""
    seen = {}
    for e in doc.get('events') or []:
        etype = (e.get('type') or e.get('event_type') or '').upper()
        key = (etype, side_keys(e.get('actor')), side_keys(e.get('recipient')))
        attributed = bool(e.get('attribution') or e.get('attributed') or e.get('speaker'))
        seen[key] = seen.get(key, True) and attributed
    return [(t, a, r, att) for (t, a, r), att in seen.items()]


def doc_matches(pred, gold, strict=False):
    """score.py's rule; `strict`: a side the gold leaves empty must be empty in the prediction too
    (score.py lets any side match it, so naming a doer nobody named is not counted wrong)."""
    etype, actor, recip, attributed = pred
    if etype != gold['type']:
        return False
    g_actor, g_recip = set(gold['actor']), set(gold['recipient'])

    def side(have, want):
        return (not have) if not want else bool(have & want)

    def sides(a, r):
        if strict:
            return side(a, g_actor) and side(r, g_recip)
        return (not g_actor or a & g_actor) and (not g_recip or r & g_recip)

    if not sides(actor, recip) and not (etype in SYMMETRIC and sides(recip, actor)):
        return False
    if gold.get('attributed_to') and not gold['must'] and not attributed:
        return False
    return True


def doc_counts(gold_events, pred_events, strict=False):
    """Counter per type of tp / fn (over must gold) and ptp / fp (over predictions)."""
    c = defaultdict(Counter)
    must = [g for g in gold_events if g['must']]
    for g in must:
        c[g['type']]['tp' if any(doc_matches(p, g, strict) for p in pred_events) else 'fn'] += 1
    for p in pred_events:
        if any(doc_matches(p, g, strict) for g in must):
            c[p[0]]['ptp'] += 1
        elif not any(doc_matches(p, g, strict) for g in gold_events):
            c[p[0]]['fp'] += 1
    return c


# ---- span level --------------------------------------------------------------------------------------

def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def span_counts(gold_instances, pred_instances):
    """Trigger-span matching: a prediction (type, (start, end)) matches a gold instance of the same type
    whose trigger overlaps it. Recall over `must` gold instances; a prediction matching only a `may`
    instance is neither right nor wrong (as at document level)."""
    c = defaultdict(Counter)

    def hit(pred, g):
        return pred[0] == g['type'] and overlaps(pred[1], g['span'])

    must = [g for g in gold_instances if g['must']]
    for g in must:
        c[g['type']]['tp' if any(hit(p, g) for p in pred_instances) else 'fn'] += 1
    for p in pred_instances:
        if any(hit(p, g) for g in must):
            c[p[0]]['ptp'] += 1
        elif not any(hit(p, g) for g in gold_instances):
            c[p[0]]['fp'] += 1
    return c


def gold_span_instances(rec):
    return [{'type': e['type'], 'span': (e['trigger']['start'], e['trigger']['end']), 'must': e['must']}
            for e in rec['events']]


def pred_span_instances(doc):
    out = []
    for e in doc.get('events') or []:
        a = e.get('anchor') or {}
        if isinstance(a, dict) and a.get('start') is not None:
            out.append(((e.get('type') or '').upper(), (a['start'], a['end'])))
    return out


# ---- figures -----------------------------------------------------------------------------------------

def prf(c):
    p = c['ptp'] / (c['ptp'] + c['fp']) if c['ptp'] + c['fp'] else 0.0
    r = c['tp'] / (c['tp'] + c['fn']) if c['tp'] + c['fn'] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def total(per_doc_counts, etype=None):
    t = Counter()
    for c in per_doc_counts:
        for k, v in c.items():
            if etype is None or k == etype:
                t.update(v)
    return t


def bootstrap(per_doc_counts, etype=None, reps=1000, seed=13):
    """95% percentile intervals of P, R, F1, resampling articles with replacement."""
    rng = random.Random(seed)
    n = len(per_doc_counts)
    if not n:
        return [(0.0, 0.0)] * 3
    doc_totals = [total([c], etype) for c in per_doc_counts]
    samples = []
    for _ in range(reps):
        t = Counter()
        for _ in range(n):
            t.update(doc_totals[rng.randrange(n)])
        samples.append(prf(t))
    out = []
    for k in range(3):
        vals = sorted(s[k] for s in samples)
        out.append((vals[int(0.025 * reps)], vals[int(0.975 * reps) - 1]))
    return out


def report(per_doc_counts, reps=1000):
    """{'all': figures, type: figures} where figures has precision, recall, f1, their intervals, counts."""
    types = sorted({t for c in per_doc_counts for t in c})
    out = {}
    for t in [None] + types:
        tot = total(per_doc_counts, t)
        p, r, f = prf(tot)
        ci = bootstrap(per_doc_counts, t, reps)
        out[t or 'all'] = {'precision': round(p, 4), 'recall': round(r, 4), 'f1': round(f, 4),
                           'precision_ci': [round(x, 4) for x in ci[0]],
                           'recall_ci': [round(x, 4) for x in ci[1]],
                           'f1_ci': [round(x, 4) for x in ci[2]],
                           'must': tot['tp'] + tot['fn'], 'found': tot['tp'], 'false_positives': tot['fp']}
    return out


def format_report(title, rep):
    lines = [title,
             '%-10s %5s %5s %5s %6s %6s %6s  %s' % ('type', 'must', 'found', 'false', 'P', 'R', 'F1',
                                                   'F1 95% CI')]
    for t, v in rep.items():
        lines.append('%-10s %5d %5d %5d %6.3f %6.3f %6.3f  [%.3f, %.3f]' % (
            t, v['must'], v['found'], v['false_positives'], v['precision'], v['recall'], v['f1'],
            v['f1_ci'][0], v['f1_ci'][1]))
    return '\n'.join(lines)
