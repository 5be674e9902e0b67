"""An annotator's draft of one article -> the stored record (code-point spans), and the record checker.

Draft (what an annotator writes; docs/annotation.md):
  {"id", "annotator", "events": [{"sentence", "trigger", "type", "mode", "cameo", "actor": [participant],
   "recipient": [participant], "negated", "modality", "attribution": participant|null, "date", "must",
   "note"}], "comment"}
  participant: {"text", "country", "sector", "occurrence"?}; text "" (with "implicit": true) when the
  participant is not named anywhere.
Record (data/annotations/*.jsonl): the same with every text replaced by {"start", "end", "text"} and the
article's sentence spans, so that every sentence without an event is a known negative.
"""
import re

import codes
import corpus

DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


class Problems:
    def __init__(self, doc_id):
        self.doc_id = doc_id
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append('%s %s: %s' % (self.doc_id, where, msg))

    def warn(self, where, msg):
        self.warnings.append('%s %s: %s' % (self.doc_id, where, msg))


def _find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def locate(text, sents, sent_index, needle, occurrence=None, anywhere=True):
    """(start, end) of needle: in its sentence (the n-th occurrence, else the first), else in the nearest
    sentence before it, else after it. None when absent."""
    order = [sent_index]
    if anywhere:
        order += list(range(sent_index - 1, -1, -1)) + list(range(sent_index + 1, len(sents)))
    for k, si in enumerate(order):
        s, e = sents[si]
        hits = _find_all(text[s:e], needle)
        if not hits:
            continue
        if k == 0 and occurrence:
            if occurrence > len(hits):
                return None
            i = hits[occurrence - 1]
        else:
            i = hits[-1] if si < sent_index else hits[0]
        return (s + i, s + i + len(needle))
    return None


def _check_codes(p, where, part, role_is_speaker=False):
    country = part.get('country')
    if country is not None and country not in codes.countries():
        p.error(where, 'unknown country code %r' % country)
    sector = part.get('sector')
    if sector not in (None, '') and sector not in codes.SECTORS:
        p.error(where, 'unknown sector %r' % sector)
    if not role_is_speaker and not country and not sector:
        p.error(where, 'a participant needs a country or a sector')


def _check_event_codes(p, where, ev):
    etype = ev.get('type')
    if etype not in codes.PLOVER_TYPES:
        p.error(where, 'unknown PLOVER type %r' % etype)
        return
    mode = ev.get('mode') or ''
    if mode and mode not in codes.PLOVER_MODES.get(etype, ()):
        p.error(where, 'mode %r is not a mode of %s' % (mode, etype))
    cam = str(ev.get('cameo') or '')
    table = codes.cameo()
    if cam not in table:
        p.error(where, 'unknown CAMEO code %r' % cam)
    elif table[cam][0] != etype and not (etype == 'RETREAT' and cam.startswith('08')):
        p.warn(where, 'CAMEO %s is %s in the conversion table, not %s' % (cam, table[cam][0], etype))
    if ev.get('modality', 'asserted') not in codes.MODALITIES:
        p.error(where, 'unknown modality %r' % ev.get('modality'))
    d = ev.get('date')
    if d is not None and not DATE.match(str(d)):
        p.error(where, 'date %r is not YYYY-MM-DD or null' % d)
    for flag in ('negated', 'must'):
        if not isinstance(ev.get(flag), bool):
            p.error(where, '%s must be true or false' % flag)


def resolve(draft, rec):
    """(record, Problems) for a draft of the corpus article rec."""
    p = Problems(draft.get('id'))
    text = rec['text']
    sents = corpus.sentences(text)
    out = {'id': rec['id'], 'date': rec.get('date'), 'source': rec.get('source'),
           'annotator': draft.get('annotator'), 'sentences': [list(s) for s in sents], 'events': []}
    if draft.get('comment'):
        out['comment'] = draft['comment']
    for n, ev in enumerate(draft.get('events') or []):
        where = 'event %d' % (n + 1)
        si = ev.get('sentence')
        if not isinstance(si, int) or not 0 <= si < len(sents):
            p.error(where, 'sentence %r is not a sentence number shown by `annot.py show`' % si)
            continue
        _check_event_codes(p, where, ev)
        trig = ev.get('trigger') or ''
        span = locate(text, sents, si, trig, ev.get('trigger_occurrence'), anywhere=False)
        if not span:
            p.error(where, 'trigger %r is not in sentence %d' % (trig, si))
            continue
        out_ev = {'sentence': si, 'trigger': {'start': span[0], 'end': span[1], 'text': trig}}
        for key in ('type', 'mode', 'cameo'):
            out_ev[key] = ev.get(key) or ''
        out_ev['cameo'] = str(out_ev['cameo'])
        for role in codes.ROLES:
            parts = ev.get(role) or []
            if isinstance(parts, dict):
                parts = [parts]
            out_ev[role] = []
            for k, part in enumerate(parts):
                pw = '%s %s %d' % (where, role, k + 1)
                got = _participant(p, pw, text, sents, si, part)
                if got is not None:
                    out_ev[role].append(got)
        att = ev.get('attribution')
        out_ev['attribution'] = _participant(p, where + ' attribution', text, sents, si, att, True) if att else None
        out_ev['negated'] = ev.get('negated', False)
        out_ev['modality'] = ev.get('modality') or 'asserted'
        out_ev['background'] = bool(ev.get('background', False))
        out_ev['date'] = ev.get('date')
        out_ev['must'] = ev.get('must', True)
        if ev.get('note'):
            out_ev['note'] = ev['note']
        out['events'].append(out_ev)
    return out, p


def _participant(p, where, text, sents, si, part, speaker=False):
    if not isinstance(part, dict):
        p.error(where, 'a participant is an object {"text", "country", "sector"}')
        return None
    _check_codes(p, where, part, speaker)
    t = part.get('text') or ''
    got = {'country': part.get('country') or None, 'sector': part.get('sector') or None}
    if not t:
        if not part.get('implicit'):
            p.error(where, 'empty text: give the words, or "implicit": true when it is named nowhere')
        got.update(start=None, end=None, text=None)
        return got
    span = locate(text, sents, si, t, part.get('occurrence'))
    if not span:
        p.error(where, 'text %r is not in the article' % t)
        return None
    got.update(start=span[0], end=span[1], text=t)
    return got


def check_record(rec, article=None):
    """Problems of a stored record: schema always, spans against the article when it is given."""
    p = Problems(rec.get('id'))
    for key in ('id', 'date', 'source', 'annotator', 'sentences', 'events'):
        if key not in rec:
            p.error('record', 'missing %r' % key)
    if p.errors:
        return p
    sents = rec['sentences']
    text = article['text'] if article else None
    if text is not None and [list(s) for s in corpus.sentences(text)] != sents:
        p.error('record', 'sentence spans differ from the article')

    def span_ok(where, obj, required=True):
        if obj.get('start') is None:
            if required:
                p.error(where, 'no span')
            return
        s, e = obj['start'], obj['end']
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e):
            p.error(where, 'bad span %r' % ([s, e],))
        elif text is not None and text[s:e] != obj.get('text'):
            p.error(where, 'span %d-%d is %r in the article, not %r' % (s, e, text[s:e], obj.get('text')))

    for n, ev in enumerate(rec['events']):
        where = 'event %d' % (n + 1)
        _check_event_codes(p, where, ev)
        si = ev.get('sentence')
        if not isinstance(si, int) or not 0 <= si < len(sents):
            p.error(where, 'bad sentence %r' % si)
            continue
        trig = ev.get('trigger') or {}
        span_ok(where + ' trigger', trig)
        if trig.get('start') is not None and not (sents[si][0] <= trig['start'] and trig['end'] <= sents[si][1]):
            p.error(where, 'trigger outside its sentence')
        for role in codes.ROLES:
            for k, part in enumerate(ev.get(role) or []):
                _check_codes(p, '%s %s %d' % (where, role, k + 1), part)
                span_ok('%s %s %d' % (where, role, k + 1), part, required=False)
        if ev.get('attribution'):
            _check_codes(p, where + ' attribution', ev['attribution'], True)
            span_ok(where + ' attribution', ev['attribution'], required=False)
    return p
