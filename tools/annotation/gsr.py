#!/usr/bin/env python3
"""The human-labelled PROTEST / ASSAULT sentences of ../shared/data/arabic_event_gsr/, split for rasd.

The shared files are the public half of the set (the other half is kept by the graders). rasd splits
this half again, by a seeded hash of each sentence id, into a part the event decision trains on and a
part it never sees, on which detection is reported (docs/events.md):

  gsr.py train --out gsr-train.jsonl       the training part: {"id","text","type","label": "yes"|"no"}
  gsr.py score --rasd build/rasd [--part heldout|train] [--min-confidence X]
                                           detection P / R / F1 per type with ../shared/tools/score.py
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


def cmd_train(args):
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for kind in FILES:
            for r in rows(kind):
                if r["label"] == "ambiguous" or part_of(r["id"]) != "train":
                    continue
                label = "yes" if r["label"] == "yes" else "no"
                out.write(json.dumps({"id": f"{kind}:{r['id']}", "text": r["text"], "type": kind, "label": label},
                                     ensure_ascii=False) + "\n")
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--rasd", required=True)
    s.add_argument("--part", choices=["train", "heldout"], default="heldout")
    s.add_argument("--min-confidence", type=float, default=None, help="default: rasd's own (0: every event)")
    args = ap.parse_args()
    {"train": cmd_train, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
