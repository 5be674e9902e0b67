#!/usr/bin/python3
"""rasd.extract_many scaling: the same N corpus articles with 1 thread and
with 2 threads, back to back (order alternating), repeated. Prints each run's
wall and process CPU time, and how many cores other processes used meanwhile
(the machine is shared: only runs where that is near 0 measure scaling), then
the speed-up per repeat and of the best and median runs.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_scaling.py \
        --articles 10000 --repeat 3 --wait-idle 0.2 ../shared/corpus/saudinewsnet.jsonl

Also reports json.loads's share of rasd.extract() time: what building dicts
in C++ instead of parsing the CLI's JSON could save at most.
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


def busy_seconds():
    """CPU seconds all cores have spent busy since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def wait_idle(max_other, timeout):
    """Waits (up to `timeout` s) until other processes use < max_other cores over 3 s."""
    end = time.time() + timeout
    while time.time() < end:
        b0 = busy_seconds()
        time.sleep(3)
        if (busy_seconds() - b0) / 3 < max_other:
            return True
    return False


def run(articles, threads):
    b0, cpu0, t0 = busy_seconds(), time.process_time(), time.perf_counter()
    docs = rasd.extract_many(articles, threads=threads)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    other = max(0.0, (busy_seconds() - b0 - cpu) / wall)  # cores used by other processes meanwhile
    return wall, cpu, other, sum(len(d["events"]) for d in docs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL corpus files")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--wait-idle", type=float, metavar="CORES",
                    help="before each repeat, wait (up to --wait-timeout s) until other processes use "
                         "fewer than CORES cores")
    ap.add_argument("--wait-timeout", type=float, default=600)
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
        if args.wait_idle is not None and not wait_idle(args.wait_idle, args.wait_timeout):
            print(f"repeat {r + 1}: the machine did not become idle; measuring anyway")
        for th in (args.threads if r % 2 == 0 else args.threads[::-1]):
            wall, cpu, other, ev = run(articles, th)
            if events is None:
                events = ev
            elif ev != events:
                sys.exit(f"FAIL: {th} threads found {ev} events, expected {events}")
            walls[th] = wall
            all_walls[th].append(wall)
            print(f"repeat {r + 1}: threads={th}: wall {wall:.2f} s, CPU {cpu:.2f} s, "
                  f"{len(articles) / wall:.0f} articles/s, {mb / wall:.2f} MB/s, {ev} events; "
                  f"other processes used {other:.2f} cores meanwhile")
        base = walls[args.threads[0]]
        print("  speed-up: " + ", ".join(f"{th} threads {base / walls[th]:.2f}x" for th in args.threads))
    base = args.threads[0]
    for name, pick in (("best", min), ("median", statistics.median)):
        print(f"{name} of {args.repeat}: " + ", ".join(
            f"{th} threads {pick(all_walls[th]):.2f} s ({pick(all_walls[base]) / pick(all_walls[th]):.2f}x)"
            for th in args.threads))


if __name__ == "__main__":
    main()
