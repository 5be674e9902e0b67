#!/usr/bin/env python3
"""Unit tests of tools/annotation: spans, codes, the checker, scoring, agreement and splits.

Runs on synthetic articles written here, so it needs nothing from ../shared.
"""
import os
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'annotation'))

import agreement  # noqa: E402
import annot  # noqa: E402
import corpus  # noqa: E402
import evaluate  # noqa: E402
import record  # noqa: E402
import scoring  # noqa: E402

TEXT = ('استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة اليوم.\n'
        'وأدان الوزير الأردني الهجوم على السفارة. وقال إن الأردن يدعم مصر.\n'
        'وتظاهر مئات الطلاب أمام الجامعة احتجاجا على الرسوم.')
ARTICLE = {'id': 'syn-1', 'date': '2024-01-02', 'source': 'test', 'text': TEXT}


def participant(text, country, sector='GOV', **kw):
    return dict(text=text, country=country, sector=sector, **kw)


def event(sentence, trigger, etype, cameo, actor, recipient, must=True, mode='', **kw):
    ev = dict(sentence=sentence, trigger=trigger, type=etype, mode=mode, cameo=cameo, actor=actor,
              recipient=recipient, negated=False, modality='asserted', attribution=None, date=None, must=must)
    ev.update(kw)
    return ev


DRAFT = {'id': 'syn-1', 'annotator': 'T', 'events': [
    event(0, 'استقبل', 'CONSULT', '043', [participant('وزير الخارجية الأردني', 'JOR')],
          [participant('الرئيس المصري', 'EGY')], mode='visit'),
    event(1, 'وأدان', 'ACCUSE', '111', [participant('الوزير الأردني', 'JOR')], []),
    event(3, 'وتظاهر', 'PROTEST', '141', [participant('مئات الطلاب', 'EGY', 'CVL')], [], mode='demo'),
]}


class SentencesAndSpans(unittest.TestCase):
    def test_sentences_split_at_lines_and_stops(self):
        spans = corpus.sentences(TEXT)
        self.assertEqual(len(spans), 4)
        self.assertTrue(TEXT[spans[2][0]:spans[2][1]].startswith('وقال'))
        for s, e in spans:
            self.assertEqual(TEXT[s:e], TEXT[s:e].strip())

    def test_resolve_gives_code_point_spans(self):
        rec, p = record.resolve(DRAFT, ARTICLE)
        self.assertEqual(p.errors, [])
        for ev in rec['events']:
            t = ev['trigger']
            self.assertEqual(TEXT[t['start']:t['end']], t['text'])
            for part in ev['actor'] + ev['recipient']:
                self.assertEqual(TEXT[part['start']:part['end']], part['text'])
        self.assertEqual(record.check_record(rec, ARTICLE).errors, [])

    def test_participant_found_in_an_earlier_sentence(self):
        draft = {'id': 'syn-1', 'events': [
            event(2, 'يدعم', 'SUPPORT', '051', [participant('وزير الخارجية الأردني', 'JOR')],
                  [participant('مصر', 'EGY')])]}
        rec, p = record.resolve(draft, ARTICLE)
        self.assertEqual(p.errors, [])
        actor = rec['events'][0]['actor'][0]
        self.assertLess(actor['start'], rec['sentences'][1][0])

    def test_errors_are_reported_not_raised(self):
        bad = {'id': 'syn-1', 'events': [
            event(0, 'اجتمع', 'CONSULT', '040', [], []),                      # trigger not in the sentence
            event(1, 'وأدان', 'CONDEMN', '111', [], []),                      # no such PLOVER type
            event(1, 'وأدان', 'ACCUSE', '999', [participant('الوزير', 'XXX')], []),  # CAMEO and country
            event(1, 'وأدان', 'ACCUSE', '111', [participant('غائب', 'JOR')], []),    # text absent
            event(9, 'وأدان', 'ACCUSE', '111', [], []),                       # no such sentence
        ]}
        _, p = record.resolve(bad, ARTICLE)
        joined = '\n'.join(p.errors)
        for needle in ("trigger 'اجتمع'", "'CONDEMN'", "'999'", "'XXX'", "'غائب'", 'sentence 9'):
            self.assertIn(needle, joined)

    def test_checker_catches_a_shifted_span(self):
        rec, _ = record.resolve(DRAFT, ARTICLE)
        rec['events'][0]['trigger']['start'] += 1
        rec['events'][0]['trigger']['end'] += 1
        self.assertTrue(any('span' in e for e in record.check_record(rec, ARTICLE).errors))
        self.assertEqual(record.check_record(rec).errors, [])  # without the article: schema only

    def test_implicit_participant_needs_the_flag(self):
        draft = {'id': 'syn-1', 'events': [event(3, 'وتظاهر', 'PROTEST', '141',
                                                 [participant('', None, 'CVL')], [])]}
        self.assertTrue(record.resolve(draft, ARTICLE)[1].errors)
        draft['events'][0]['actor'][0]['implicit'] = True
        self.assertEqual(record.resolve(draft, ARTICLE)[1].errors, [])


class Scoring(unittest.TestCase):
    def setUp(self):
        self.gold, _ = record.resolve(DRAFT, ARTICLE)

    def pred(self, *events):
        return {'id': 'syn-1', 'events': list(events)}

    def test_document_level_follows_score_py(self):
        start = TEXT.index('استقبل')
        p = self.pred(
            # CONSULT has no direction: the reverse order matches
            {'type': 'CONSULT', 'actor': [{'code': 'EGYGOV'}], 'recipient': [{'code': 'JORGOV'}],
             'anchor': {'start': start, 'end': start + 6}},
            {'type': 'ACCUSE', 'actor': [{'code': 'SYRGOV'}], 'recipient': []})   # wrong actor
        r = evaluate.evaluate([self.gold], [p], reps=50)
        doc = r['document']
        self.assertEqual(doc['CONSULT']['found'], 1)
        self.assertEqual(doc['ACCUSE']['false_positives'], 1)
        self.assertEqual(doc['all']['must'], 3)
        self.assertAlmostEqual(doc['all']['precision'], 0.5)
        self.assertEqual(r['span']['CONSULT']['found'], 1)

    def test_may_events_are_neither_right_nor_wrong(self):
        draft = dict(DRAFT, events=[dict(DRAFT['events'][1], must=False)])
        gold, _ = record.resolve(draft, ARTICLE)
        p = self.pred({'type': 'ACCUSE', 'actor': [{'code': 'JORGOV'}], 'recipient': []})
        doc = evaluate.evaluate([gold], [p], reps=10)['document']['all']
        self.assertEqual((doc['must'], doc['false_positives']), (0, 0))

    def test_claims_need_attribution(self):
        draft = dict(DRAFT, events=[dict(DRAFT['events'][1], must=False,
                                         attribution=participant('الوزير الأردني', 'JOR'))])
        gold, _ = record.resolve(draft, ARTICLE)
        bare = self.pred({'type': 'ACCUSE', 'actor': [{'code': 'JORGOV'}], 'recipient': []})
        said = self.pred({'type': 'ACCUSE', 'actor': [{'code': 'JORGOV'}], 'recipient': [],
                          'attribution': {'text': 'x'}})
        self.assertEqual(evaluate.evaluate([gold], [bare], reps=10)['document']['all']['false_positives'], 1)
        self.assertEqual(evaluate.evaluate([gold], [said], reps=10)['document']['all']['false_positives'], 0)

    def test_strict_level_wants_unknown_sides_left_unknown(self):
        draft = dict(DRAFT, events=[event(3, 'وتظاهر', 'PROTEST', '141', [participant('مئات الطلاب', None, 'CVL')],
                                          [], mode='demo')])
        gold, _ = record.resolve(draft, ARTICLE)
        named = self.pred({'type': 'PROTEST', 'actor': [{'code': 'EGYGOV'}], 'recipient': []})
        unnamed = self.pred({'type': 'PROTEST', 'actor': [], 'recipient': []})
        r = evaluate.evaluate([gold], [named], reps=10)
        self.assertEqual(r['document']['all']['found'], 1)         # score.py: any actor matches an unknown one
        self.assertEqual(r['document_strict']['all']['found'], 0)  # strict: naming a doer nobody named is wrong
        self.assertEqual(evaluate.evaluate([gold], [unnamed], reps=10)['document_strict']['all']['found'], 1)

    def test_bootstrap_interval_contains_the_estimate(self):
        golds = []
        preds = []
        for i in range(20):
            g = dict(self.gold, id='d%d' % i)
            golds.append(g)
            keep = g['events'][:1 + i % 3]
            preds.append({'id': g['id'], 'events': [
                {'type': e['type'], 'actor': [{'country': p['country']} for p in e['actor']],
                 'recipient': [{'country': p['country']} for p in e['recipient']]} for e in keep]})
        rep = evaluate.evaluate(golds, preds, reps=200)['document']['all']
        lo, hi = rep['recall_ci']
        self.assertLessEqual(lo, rep['recall'])
        self.assertGreaterEqual(hi, rep['recall'])
        self.assertLess(lo, hi)


class Agreement(unittest.TestCase):
    def test_identical_annotations_agree_fully(self):
        rec, _ = record.resolve(DRAFT, ARTICLE)
        a = agreement.agreement([rec], [rec])
        for key in ('document_f1', 'trigger_f1_typed', 'type_kappa', 'actor_country_agreement'):
            self.assertEqual(a[key], 1.0, key)

    def test_a_missing_event_lowers_document_and_trigger_f1(self):
        a, _ = record.resolve(DRAFT, ARTICLE)
        b, _ = record.resolve(dict(DRAFT, events=DRAFT['events'][:2]), ARTICLE)
        r = agreement.agreement([a], [b])
        self.assertAlmostEqual(r['trigger_f1_typed'], 2 * 2 / 5)
        self.assertLess(r['document_f1'], 1.0)


class Splits(unittest.TestCase):
    def test_split_is_deterministic_and_near_70_15_15(self):
        ids = ['doc-%d' % i for i in range(3000)]
        first = [annot.split_of(i, 'seed') for i in ids]
        self.assertEqual(first, [annot.split_of(i, 'seed') for i in ids])
        share = {s: first.count(s) / len(ids) for s in ('train', 'dev', 'test')}
        self.assertAlmostEqual(share['train'], 0.70, delta=0.03)
        self.assertAlmostEqual(share['dev'], 0.15, delta=0.03)
        self.assertNotEqual(first, [annot.split_of(i, 'other') for i in ids])


if __name__ == '__main__':
    unittest.main()
