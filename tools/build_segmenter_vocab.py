#!/usr/bin/env python3
"""Builds data/models/segmenter_vocab.tsv: Arabic word counts from news JSONL.

  python3 tools/build_segmenter_vocab.py ../shared/corpus/*.jsonl \
      > data/models/segmenter_vocab.tsv

Each input line is a JSON object whose `text` (and `title`) field is counted.
Words are normalised the way the segmenter normalises them at run time
(SegmenterNormalizeOptions in src/tokenize/clitics.cc): diacritics, tatweel,
Quranic marks and format controls removed, presentation forms folded to base
letters, hamza / alef maksura / ta marbuta KEPT.  A word is a maximal run of
Arabic letters (U+0621..U+064A without tatweel).  Only words seen at least
--min-count times are written, at most --max-bytes bytes of entries, sorted
by descending count then by word, so the output is deterministic.

The output holds word statistics only, never running text.
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import Counter

STRIP = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640'
                   '\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]')
PRESENTATION = re.compile('[\ufb50-\ufdff\ufe70-\ufeff]')
WORD = re.compile('[\u0621-\u063a\u0641-\u064a]+')


def normalize(text):
    if PRESENTATION.search(text):
        text = PRESENTATION.sub(lambda m: unicodedata.normalize('NFKC', m.group()), text)
    return STRIP.sub('', text)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='+', help='JSONL files with a `text` field')
    ap.add_argument('--min-count', type=int, default=3)
    ap.add_argument('--max-bytes', type=int, default=3_900_000)
    args = ap.parse_args()

    counts = Counter()
    articles = 0
    for path in args.files:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                doc = json.loads(line)
                articles += 1
                for field in ('title', 'text'):
                    counts.update(WORD.findall(normalize(doc.get(field) or '')))

    items = sorted(((w, c) for w, c in counts.items() if c >= args.min_count),
                   key=lambda wc: (-wc[1], wc[0]))
    out = sys.stdout
    out.write('# rasd segmenter vocabulary: word counts from %d news articles '
              '(%d distinct words, %d tokens)\n' % (articles, len(counts), sum(counts.values())))
    out.write('# source: word frequencies counted over the shared news corpus by '
              'tools/build_segmenter_vocab.py (SaudiNewsNet, ANT corpus)\n')
    out.write('# license: word statistics derived from CC BY-NC-SA 4.0 (SaudiNewsNet) and '
              'Apache-2.0 (ANT) corpora; no running text is included\n')
    out.write('# normalisation: diacritics/tatweel removed; hamza, alef maksura, ta marbuta kept\n')
    out.write('word\tcount\n')
    size = 0
    for w, c in items:
        entry = '%s\t%d\n' % (w, c)
        size += len(entry.encode('utf-8'))
        if size > args.max_bytes:
            break
        out.write(entry)


if __name__ == '__main__':
    main()
