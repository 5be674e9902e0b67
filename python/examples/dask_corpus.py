#!/usr/bin/python3
"""Extract events from JSONL article shards with Dask (docs/python.md).

Reads JSONL files (one article a line: id, date, text, …) with dask.bag,
analyses them in worker processes with rasd (one engine per worker, created
on its first partition) and writes one output shard per partition:

    # on this machine: a LocalCluster of 2 worker processes, 1 thread each
    PYTHONPATH=build/python /usr/bin/python3 python/examples/dask_corpus.py \
        --workers 2 --out events/ --format csv ../shared/corpus/*.jsonl

    # on a real cluster: rasd importable on every worker, the input and
    # output paths visible to all of them (shared file system, or s3:// …)
    python3 dask_corpus.py --scheduler tcp://scheduler:8786 --out /shared/events/ /shared/corpus/*.jsonl

--format jsonl writes one event a line (rasd.EVENT_COLUMNS fields);
--format csv the same rows as CSV; --format documents the whole documents
(JSONL, as `rasd extract --jsonl` prints them). The last line printed is a
JSON summary: articles, events, seconds, articles_per_second.
"""
import argparse
import csv
import json
import os
import sys
import time

import dask
import dask.bag as db
import fsspec
import fsspec.core
from dask.distributed import Client, LocalCluster

import rasd
import rasd.dask


def write_shard(docs, path, fmt):
    """Writes one partition's output (fsspec: local paths or s3://, hdfs://
    URLs) and returns (articles, events)."""
    events = sum(len(d["events"]) for d in docs)
    with fsspec.open(path, "w", encoding="utf-8", newline="") as f:
        if fmt == "documents":
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif fmt == "jsonl":
            for d in docs:
                for row in rasd.event_rows(d):
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            w = csv.DictWriter(f, fieldnames=rasd.EVENT_COLUMNS)
            w.writeheader()
            for d in docs:
                w.writerows(rasd.event_rows(d))
    return len(docs), events


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL files (globs allowed)")
    ap.add_argument("--out", required=True, help="output directory (one shard per partition)")
    ap.add_argument("--format", choices=["jsonl", "csv", "documents"], default="jsonl")
    ap.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://scheduler:8786 "
                                        "(default: start a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--blocksize", default="8MiB", help="bytes of input per partition (default 8MiB)")
    args = ap.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # Processes, one thread each: the engine releases the GIL, but one
        # process per core keeps the workers independent, as on a cluster.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    print(f"dask: {len(client.scheduler_info()['workers'])} workers", file=sys.stderr)

    fs, root = fsspec.core.url_to_fs(args.out)
    fs.makedirs(root, exist_ok=True)
    t0 = time.perf_counter()
    lines = db.read_text(args.inputs, blocksize=args.blocksize)
    # Whole documents only when they are the output: else the text stays out.
    docs = rasd.dask.extract_bag(lines, include_text=args.format == "documents")
    # One task per partition reads, extracts, writes its shard and returns its
    # counts, so every article is analysed exactly once.
    name = "documents-{}.jsonl" if args.format == "documents" else "events-{}." + args.format
    tasks = [dask.delayed(write_shard)(part, os.path.join(args.out, name.format(i)), args.format)
             for i, part in enumerate(docs.to_delayed())]
    counts = dask.compute(*tasks)
    n_articles, n_events = sum(c[0] for c in counts), sum(c[1] for c in counts)
    seconds = time.perf_counter() - t0

    engines = client.run(lambda: rasd._rasd.engines_created())
    client.close()
    print(json.dumps({"articles": int(n_articles), "events": int(n_events), "seconds": round(seconds, 2),
                      "articles_per_second": round(n_articles / seconds, 1) if seconds else None,
                      "engines_per_worker": sorted(engines.values())}))


if __name__ == "__main__":
    main()
