"""Access to ../shared/corpus by article id, and the sentence split annotators see.

Offsets everywhere are code points into the article's `text` field (Python str indices).
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get('RASD_SHARED', os.path.join(os.path.dirname(PROJECT), 'shared'))
CORPUS_DIR = os.path.join(SHARED, 'corpus')
POOL = os.path.join(SHARED, 'eval', 'annotation-pool.txt')
INDEX_CACHE = os.environ.get('RASD_CORPUS_INDEX', '/tmp/rasd-corpus-index.json')

MIN_CHARS = 300
MAX_CHARS = 8000


def shared_available():
    return os.path.isdir(CORPUS_DIR)


def _build_index():
    index = {}
    for name in sorted(os.listdir(CORPUS_DIR)):
        if not name.endswith('.jsonl'):
            continue
        path = os.path.join(CORPUS_DIR, name)
        with open(path, 'rb') as f:
            offset = 0
            for line in f:
                m = re.match(rb'\{"id": "([^"]+)"', line)
                if m:
                    index[m.group(1).decode()] = [name, offset]
                offset += len(line)
    return index


_index = None


def index():
    global _index
    if _index is None:
        try:
            with open(INDEX_CACHE, encoding='utf-8') as f:
                _index = json.load(f)
        except (OSError, ValueError):
            _index = _build_index()
            tmp = INDEX_CACHE + '.%d' % os.getpid()
            with open(tmp, 'w', encoding='utf-8') as f:
                json.dump(_index, f)
            os.replace(tmp, INDEX_CACHE)
    return _index


def article(doc_id):
    """The corpus record of an id, or None."""
    where = index().get(doc_id)
    if where is None:
        return None
    with open(os.path.join(CORPUS_DIR, where[0]), 'rb') as f:
        f.seek(where[1])
        return json.loads(f.readline())


def pool_ids():
    with open(POOL, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def eligibility(rec):
    """None when the article is taken, else the reason it is skipped."""
    if rec is None:
        return 'not in corpus'
    n = len(rec.get('text') or '')
    if n < MIN_CHARS:
        return 'shorter than %d characters (%d)' % (MIN_CHARS, n)
    if n > MAX_CHARS:
        return 'longer than %d characters (%d)' % (MAX_CHARS, n)
    return None


# A sentence ends at a line break, or after . ! ? ؟ followed by white space.
_BOUNDARY = re.compile(r'\n+|(?<=[.!?؟])[ \t]+')


def sentences(text):
    """[(start, end)] code-point spans of the sentences, white space trimmed."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
