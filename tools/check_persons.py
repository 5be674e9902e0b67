#!/usr/bin/env python3
"""Validate dated-person TSV files: python3 tools/check_persons.py data/lexicons/persons/*.tsv
(Beyond what lexc checks at build time: single common words as names, names shared by persons, non-Arabic letters.)
Prints errors (file:line: reason) and a summary; exit 1 on any error."""
import re, sys, collections
COLS = ["person", "names", "code", "country", "sector", "from", "to", "role", "source"]
SECTORS = set("GOV MIL LEG JUD COP SPY REB UAF OPP PTY IGO REL BUS ELI JRN HRI NGO CVL EDU MED LAB REF INS SEP".split())
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARABIC = re.compile(r"^[\u0621-\u064A\u0671\u067E\u0686\u06A4\u06AF ]+$")
BAD_SINGLE = set("""محمد أحمد علي عبدالله عبد الله حسن حسين خالد عمر سعيد سالم محمود مصطفى إبراهيم يوسف عباس الأسد مرسي رئيسي ظريف سلام عون بري الطيب
الحوثي المالكي الحريري البشير هادي مبارك شكري سلامة الراعي المعلم ماي بنس كاميرون فهد سلمان فيصل نايف تميم حمد زايد بشار عادل جمال كمال سمير
نبيل وليد طارق ماجد منصور ناصر صالح عيسى موسى داود سليمان هاشم بدر نور أمل الملك الأمير الشيخ الرئيس""".split())
errors = 0
persons = {}
surface_owner = collections.defaultdict(set)
codes = collections.Counter()
lines = 0
def err(f, n, msg):
    global errors
    errors += 1
    print(f"{f}:{n}: {msg}")
for f in sys.argv[1:]:
    header_seen = False
    for n, raw in enumerate(open(f, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells != COLS:
                err(f, n, f"header must be {COLS}")
            continue
        if len(cells) != len(COLS):
            err(f, n, f"{len(cells)} columns, want {len(COLS)}"); continue
        r = dict(zip(COLS, cells))
        lines += 1
        if not re.match(r"^[a-z0-9]+\.[a-z0-9_]+$", r["person"]):
            err(f, n, "person id must look like sau.faisal_bin_farhan")
        names = r["names"].split("|")
        for s in names:
            if not ARABIC.match(s) or s != s.strip() or "  " in s:
                err(f, n, f"name {s!r}: Arabic letters and single spaces only, no diacritics")
            if s in BAD_SINGLE:
                err(f, n, f"name {s!r} is a bare common name or word: too ambiguous")
        prev = persons.get(r["person"])
        if prev is not None and prev != r["names"]:
            err(f, n, f"{r['person']}: names differ from an earlier line of the same person")
        persons[r["person"]] = r["names"]
        for s in names:
            surface_owner[s].add(r["person"])
        c, k, sec = r["code"], r["country"], r["sector"]
        if not re.match(r"^[A-Z]{3,9}$", c):
            err(f, n, f"code {c!r} must be 3-9 capitals")
        if k != "-" and not re.match(r"^[A-Z]{3}$", k):
            err(f, n, f"country {k!r} must be ISO alpha-3 or -")
        if sec not in SECTORS:
            err(f, n, f"sector {sec!r} unknown")
        if k != "-" and not c.startswith(k):
            err(f, n, f"code {c} must start with the country {k}")
        if k == "-" and not (c.startswith("IGO") or c.startswith("NGO") or len(c) >= 3):
            err(f, n, f"code {c} for a person with no country")
        if not DATE.match(r["from"]):
            err(f, n, f"from {r['from']!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
        if r["to"] != "-" and not DATE.match(r["to"]):
            err(f, n, f"to {r['to']!r} must be a date or -")
        if r["to"] != "-" and DATE.match(r["from"]) and r["to"][:len(r['from'][:4])] < r["from"][:4]:
            err(f, n, "to is before from")
        if not r["role"].strip():
            err(f, n, "role empty")
        if not r["source"].strip():
            err(f, n, "source empty")
        codes[c] += 1
shared = {s: o for s, o in surface_owner.items() if len(o) > 1}
for s, o in sorted(shared.items()):
    print(f"warning: name {s} belongs to several persons: {', '.join(sorted(o))} (keep only if both are really spelled so; rasd will treat it as ambiguous)")
print(f"{len(persons)} persons, {lines} role lines, {sum(len(set(v.split('|'))) for v in persons.values())} names; {errors} errors")
print("top codes:", ", ".join(f"{c} {n}" for c, n in codes.most_common(15)))
sys.exit(1 if errors else 0)
