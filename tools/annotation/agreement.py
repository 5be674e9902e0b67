"""Agreement between two annotators on the same articles (docs/annotation.md, "Agreement")."""
from collections import Counter

import scoring


def _as_pred(rec, must_only=True):
    """An annotator's events as predictions, for the document-level rules of score.py."""
    seen = {}
    for ev in rec['events']:
        if must_only and not ev['must']:
            continue
        key = (ev['type'], frozenset(p['country'] for p in ev['actor'] if p.get('country')),
               frozenset(p['country'] for p in ev['recipient'] if p.get('country')))
        seen[key] = seen.get(key, True) and bool(ev.get('attribution'))
    return [(t, a, r, att) for (t, a, r), att in seen.items()]


def document_f1(a_recs, b_recs):
    """F1 with A as gold and B's `must` events as predictions, and the reverse; their mean."""
    out = []
    for gold, other in ((a_recs, b_recs), (b_recs, a_recs)):
        t = Counter()
        for g, o in zip(gold, other):
            for c in scoring.doc_counts(scoring.gold_doc_events(g), _as_pred(o)).values():
                t.update(c)
        out.append(scoring.prf(t)[2])
    return sum(out) / 2, out


def _pair_instances(a, b, typed):
    """Greedy one-to-one pairs of instances whose triggers overlap (and types agree when typed)."""
    pairs, used = [], set()
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if j in used:
                continue
            if scoring.overlaps((x['trigger']['start'], x['trigger']['end']),
                                (y['trigger']['start'], y['trigger']['end'])) and (not typed or x['type'] == y['type']):
                pairs.append((x, y))
                used.add(j)
                break
    return pairs


def _kappa(pairs):
    n = len(pairs)
    if not n:
        return 0.0
    agree = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    chance = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def _countries(parts):
    return frozenset(p['country'] for p in parts if p.get('country'))


def _mentions_overlap(a, b):
    sa = [(p['start'], p['end']) for p in a if p.get('start') is not None]
    sb = [(p['start'], p['end']) for p in b if p.get('start') is not None]
    if not sa and not sb:
        return True
    return any(scoring.overlaps(x, y) for x in sa for y in sb)


def agreement(a_recs, b_recs):
    """Figures over articles annotated by both (lists aligned by article)."""
    doc_f1, directions = document_f1(a_recs, b_recs)
    n_a = sum(len(r['events']) for r in a_recs)
    n_b = sum(len(r['events']) for r in b_recs)
    typed, untyped = [], []
    for ra, rb in zip(a_recs, b_recs):
        typed += _pair_instances(ra['events'], rb['events'], True)
        untyped += _pair_instances(ra['events'], rb['events'], False)

    def f1(m):
        return 2 * m / (n_a + n_b) if n_a + n_b else 1.0

    def share(pred):
        return sum(pred(x, y) for x, y in typed) / len(typed) if typed else 0.0

    return {
        'articles': len(a_recs), 'instances': [n_a, n_b],
        'document_f1': round(doc_f1, 4), 'document_f1_each_way': [round(x, 4) for x in directions],
        'trigger_f1_typed': round(f1(len(typed)), 4), 'trigger_f1_untyped': round(f1(len(untyped)), 4),
        'type_kappa': round(_kappa([(x['type'], y['type']) for x, y in untyped]), 4),
        'actor_country_agreement': round(share(lambda x, y: _countries(x['actor']) == _countries(y['actor'])), 4),
        'recipient_country_agreement': round(share(
            lambda x, y: _countries(x['recipient']) == _countries(y['recipient'])), 4),
        'actor_mention_agreement': round(share(lambda x, y: _mentions_overlap(x['actor'], y['actor'])), 4),
        'recipient_mention_agreement': round(share(
            lambda x, y: _mentions_overlap(x['recipient'], y['recipient'])), 4),
        'must_agreement': round(share(lambda x, y: x['must'] == y['must']), 4),
    }
