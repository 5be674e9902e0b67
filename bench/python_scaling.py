#!/usr/bin/python3
"""rasd.extract_many scaling: the same N corpus articles with 1 thread, then
2 threads, back to back, repeated; prints wall and process CPU time of each
run and the wall-time speed-up per repeat (docs/python.md, docs/benchmarks.md).

    PYTHONPATH=build/python /usr/bin/python3 bench/python_scaling.py \
        --articles 10000 --repeat 3 ../shared/corpus/*.jsonl

Also reports where one document's time goes: the engine and JSON rendering
(rasd.extract with the parse) against json.loads of the same JSON, the part a
dict-building binding could save at most.
"""
import argparse
import itertools
import json
import os
import statistics
import sys
import time

import rasd


def read_articles(paths, n):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                out.append(rasd.parse_line(line))
                if len(out) == n:
                    return out
    return out


def run(articles, threads):
    cpu0, t0 = time.process_time(), time.perf_counter()
    docs = rasd.extract_many(articles, threads=threads)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return wall, cpu, sum(len(d["events"]) for d in docs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL corpus files")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    articles = read_articles(args.inputs, args.articles)
    mb = sum(len(a["text"].encode()) for a in articles) / 1e6
    rasd.load()
    print(f"{len(articles)} articles, {mb:.1f} MB of text; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f} at start")

    # Where the time goes for one document: analysis+rendering vs json.loads.
    sample = articles[:500]
    t0 = time.perf_counter()
    raw = [rasd._rasd.analyze(a["text"], a.get("id", ""), (a.get("date") or "")[:10], False, True)
           for a in sample]
    t_extract = time.perf_counter() - t0
    dumped = [json.dumps(d, ensure_ascii=False).encode() for d in raw]
    t0 = time.perf_counter()
    for s in dumped:
        json.loads(s)
    t_loads = time.perf_counter() - t0
    print(f"json.loads share of extract() on {len(sample)} articles: {t_loads / t_extract:.1%} "
          f"({t_loads * 1e3:.0f} ms of {t_extract * 1e3:.0f} ms)")

    events = None
    all_walls = {th: [] for th in args.threads}
    for r in range(args.repeat):
        walls = {}
        # Alternate the order so a load change on the shared machine does not
        # always favour the same setting.
        for th in (args.threads if r % 2 == 0 else args.threads[::-1]):
            wall, cpu, ev = run(articles, th)
            if events is None:
                events = ev
            elif ev != events:
                sys.exit(f"FAIL: {th} threads found {ev} events, expected {events}")
            walls[th] = wall
            all_walls[th].append(wall)
            print(f"repeat {r + 1}: threads={th}: wall {wall:.2f} s, CPU {cpu:.2f} s, "
                  f"{len(articles) / wall:.0f} articles/s, {mb / wall:.2f} MB/s, {ev} events, "
                  f"load {os.getloadavg()[0]:.2f}")
        base = walls[args.threads[0]]
        print("  speed-up: " + ", ".join(f"{th} threads {base / walls[th]:.2f}x" for th in args.threads))
    base = args.threads[0]
    for name, pick in (("best", min), ("median", statistics.median)):
        print(f"{name} of {args.repeat}: " + ", ".join(
            f"{th} threads {pick(all_walls[th]):.2f} s ({pick(all_walls[base]) / pick(all_walls[th]):.2f}x)"
            for th in args.threads))


if __name__ == "__main__":
    main()
