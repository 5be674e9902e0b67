#!/usr/bin/env python3
"""The human-labelled PROTEST / ASSAULT sentences of ../shared/data/arabic_event_gsr/, split for rasd.

The shared files are the public half of the set (the other half is kept by the graders). rasd splits
this half again, by a seeded hash of each sentence id, into a part the event decision trains on and a
part it never sees, on which detection is reported (docs/events.md):

  gsr.py train --out gsr-train.jsonl       the training part: {"id","text","type","label": "yes"|"no"}
  gsr.py score --rasd build/rasd [--part heldout|train] [--min-confidence X]
                                           detection P / R / F1 per type with ../shared/tools/score.py
  gsr.py cv --rasd build/rasd [--seed N]   two-fold cross-validation inside the training part: the
                                           decision trained on the gold articles and one half, scored
                                           on the other half, and back (development without looking
                                           at the held-out part; docs/events.md)
`ambiguous` rows (too few votes) are in neither part's figures, as score.py leaves them out.
"""
import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("RASD_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
GSR_DIR = os.path.join(SHARED, "data", "arabic_event_gsr")
FILES = {"ASSAULT": "assault_gsr_dev.csv", "PROTEST": "protest_gsr_dev.csv"}
SEED = "rasd-gsr-1"


def part_of(sentence_id):
    """'train' or 'heldout': half each, fixed by the id alone."""
    return "train" if hashlib.sha256(f"{SEED}:{sentence_id}".encode()).digest()[0] < 128 else "heldout"


def rows(kind):
    path = os.path.join(GSR_DIR, FILES[kind])
    if not os.path.exists(path):
        sys.exit(f"gsr.py: {path} is missing (../shared is not beside the repository)")
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def train_rows():
    """(type, row) of the training part, `ambiguous` rows left out."""
    for kind in FILES:
        for r in rows(kind):
            if r["label"] != "ambiguous" and part_of(r["id"]) == "train":
                yield kind, r


def training_line(kind, r):
    """One line of `rasd train events --gsr`."""
    label = "yes" if r["label"] == "yes" else "no"
    return json.dumps({"id": f"{kind}:{r['id']}", "text": r["text"], "type": kind, "label": label},
                      ensure_ascii=False) + "\n"


def cmd_train(args):
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for kind, r in train_rows():
            out.write(training_line(kind, r))
            n += 1
    print(f"gsr.py: {n} training sentences written to {args.out}", file=sys.stderr)


def cmd_score(args):
    score = os.path.join(SHARED, "tools", "score.py")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in FILES:
            part = [r for r in rows(kind) if part_of(r["id"]) == args.part]
            gold = os.path.join(tmp, f"{kind}.csv")
            with open(gold, "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=list(part[0].keys()))
                w.writeheader()
                w.writerows(part)
            inp = os.path.join(tmp, f"{kind}.jsonl")
            with open(inp, "w", encoding="utf-8") as f:
                subprocess.run([sys.executable, score, "detect-input", gold], stdout=f, check=True)
            pred = os.path.join(tmp, f"{kind}.pred.jsonl")
            cmd = [args.rasd, "extract", "--jsonl", inp]
            if args.min_confidence is not None:
                cmd += ["--min-confidence", str(args.min_confidence)]
            with open(pred, "w", encoding="utf-8") as f:
                subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=False)
            out = subprocess.run([sys.executable, score, "detect", "--gold", gold, "--pred", pred],
                                 capture_output=True, text=True, check=True).stdout
            print(f"{args.part} part: " + out.strip().splitlines()[-1])


def cmd_cv(args):
    """Two folds of the training part by a second hash; detection counted as score.py detect does."""
    fold = lambda kind, sid: hashlib.sha256(f"cv:{kind}:{sid}".encode()).digest()[0] < 128
    annot = os.path.join(ROOT, "tools", "annotation", "annot.py")
    gold = os.path.join(ROOT, "data", "annotations", "train.jsonl")
    counts = {kind: [0, 0, 0] for kind in FILES}  # TP FP FN
    errors = open(args.errors, "w", encoding="utf-8") if args.errors else None
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        subprocess.run([sys.executable, annot, "articles", gold, "--out", articles], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = list(train_rows())
        for held in (False, True):
            train = os.path.join(tmp, "gsr.jsonl")
            with open(train, "w", encoding="utf-8") as f:
                for kind, r in data:
                    if fold(kind, r["id"]) != held:
                        f.write(training_line(kind, r))
            model = os.path.join(tmp, "fold.model")
            cmd = [args.rasd, "train", "events", "--gold", gold, "--articles", articles, "--gsr", train,
                   "--threshold", str(args.threshold), "--out", model]
            if args.seed is not None:
                cmd += ["--seed", str(args.seed)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            test = [(kind, r) for kind, r in data if fold(kind, r["id"]) == held]
            inp = "\n".join(json.dumps({"id": f"{kind}:{r['id']}", "text": r["text"]}, ensure_ascii=False) for kind, r in test)
            out = subprocess.run([args.rasd, "extract", "--jsonl", "-", "--event-model", model, "--min-confidence", "0"],
                                 input=inp, capture_output=True, text=True, check=True).stdout
            found = {}
            for line in out.splitlines():
                d = json.loads(line)
                found[d["id"]] = {e["type"] for e in d.get("events", [])}
            for kind, r in test:
                said = kind in found.get(f"{kind}:{r['id']}", set())
                yes = r["label"] == "yes"
                c = counts[kind]
                if errors and said != yes:
                    errors.write(json.dumps({"kind": kind, "error": "FP" if said else "FN", "id": r["id"],
                                             "text": r["text"]}, ensure_ascii=False) + "\n")
                if said and yes:
                    c[0] += 1
                elif said:
                    c[1] += 1
                elif yes:
                    c[2] += 1
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"cv (two folds of the train part): detect {kind}: TP={tp} FP={fp} FN={fn} "
              f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--rasd", required=True)
    s.add_argument("--part", choices=["train", "heldout"], default="heldout")
    s.add_argument("--min-confidence", type=float, default=None, help="default: rasd's own (0: every event)")
    c = sub.add_parser("cv")
    c.add_argument("--rasd", required=True)
    c.add_argument("--seed", type=int, default=None, help="rasd train events --seed (default: its own)")
    c.add_argument("--threshold", type=float, default=0.15, help="as tools/train_events.sh")
    c.add_argument("--errors", help="write each wrongly detected training-part sentence here (JSONL), to read")
    args = ap.parse_args()
    {"train": cmd_train, "score": cmd_score, "cv": cmd_cv}[args.cmd](args)


if __name__ == "__main__":
    main()
