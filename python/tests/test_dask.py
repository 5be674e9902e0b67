"""rasd.dask and python/examples/dask_corpus.py: the example on a
LocalCluster of 2 worker processes finds as many events as
`rasd extract --jsonl` on the same files (our examples always; a small shard
of ../shared/corpus when it is present)."""
import csv
import glob
import json
import os
import subprocess
import sys

import dask
import dask.bag as db
import pytest

import rasd
import rasd.dask
from conftest import CLI, SHARED_DIR, SOURCE_DIR, cli

EXAMPLE = os.path.join(SOURCE_DIR, "python", "examples", "dask_corpus.py")


def cli_event_count(paths):
    return len(cli("extract", "--format", "plover", "--jsonl", *paths, codes=(0, 3)).splitlines())


def run_example(paths, out, fmt, blocksize="64KiB"):
    proc = subprocess.run([sys.executable, EXAMPLE, "--workers", "2", "--format", fmt, "--blocksize", blocksize,
                           "--out", str(out), *paths], capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def examples_jsonl(examples, tmp_path, copies=20):
    p = tmp_path / "examples.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for c in range(copies):
            for path in examples:
                with open(path, encoding="utf-8") as g:
                    rec = {"id": f"{c}-{os.path.basename(path)}", "date": "2024-11-23", "text": g.read()}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        f.write("not json\n\n")  # skipped, as the CLI skips it
    return str(p)


def test_extract_bag_matches_extract_many(examples, tmp_path):
    path = examples_jsonl(examples, tmp_path, copies=3)
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    records = [rasd.parse_line(l) for l in lines[:-2]]
    want = rasd.extract_many(records, threads=1)
    with dask.config.set(scheduler="synchronous"):
        docs = rasd.dask.extract_bag(db.from_sequence(lines, npartitions=4)).compute()
        rows = rasd.dask.extract_bag(db.from_sequence(records, npartitions=3), output="events").compute()
        frame = rasd.dask.extract_bag(db.from_sequence(records, npartitions=2), output="events").to_dataframe(
            meta=rasd.dask.EVENTS_META).compute()
    assert docs == want
    assert rows == [r for d in want for r in rasd.event_rows(d)]
    assert len(frame) == len(rows) and list(frame.columns) == list(rasd.EVENT_COLUMNS)
    with pytest.raises(ValueError, match="not valid JSON"):
        rasd.dask.extract_partition(["not json"], errors="raise")


def test_example_local_cluster_on_examples(examples, tmp_path):
    path = examples_jsonl(examples, tmp_path)
    want = cli_event_count([path])
    summary = run_example([path], tmp_path / "out", "csv", blocksize="16KiB")
    assert summary["events"] == want > 0
    assert summary["articles"] == 20 * len(examples)
    # At most one engine per worker process (one that got no partition has none).
    assert max(summary["engines_per_worker"]) == 1 and len(summary["engines_per_worker"]) == 2
    shards = sorted(glob.glob(str(tmp_path / "out" / "events-*.csv")))
    assert len(shards) > 1
    rows = 0
    for s in shards:
        with open(s, encoding="utf-8", newline="") as f:
            rows += sum(1 for _ in csv.DictReader(f))
    assert rows == want


def test_example_local_cluster_on_corpus_shard(tmp_path):
    corpus = os.path.join(SHARED_DIR, "corpus")
    if not os.path.isdir(corpus):
        pytest.skip(f"{corpus} not found (../shared is absent)")
    shards = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".jsonl"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                lines = [next(f) for _ in range(150)]
            shard = tmp_path / name
            shard.write_text("".join(lines), encoding="utf-8")
            shards.append(str(shard))
    want = cli_event_count(shards)
    summary = run_example(shards, tmp_path / "out", "jsonl", blocksize="256KiB")
    assert summary["events"] == want > 0
    assert summary["articles"] == 150 * len(shards)
    got = 0
    for s in glob.glob(str(tmp_path / "out" / "events-*.jsonl")):
        with open(s, encoding="utf-8") as f:
            got += sum(1 for _ in f)
    assert got == want


def test_streaming_filter_stdin(examples, tmp_path):
    """`rasd extract --jsonl -` (the Spark RDD.pipe / Hadoop streaming filter)
    gives on standard input what it gives on the file; a malformed line is
    reported as <stdin>:LINE and skipped with exit 3."""
    path = examples_jsonl(examples, tmp_path, copies=2)
    with open(path, "rb") as f:
        data = f.read()
    from_file = cli("extract", "--format", "plover", "--jsonl", path, codes=(3,))
    proc = subprocess.run([CLI, "extract", "--format", "plover", "--jsonl", "-"], input=data,
                          capture_output=True, check=False)
    assert proc.returncode == 3
    assert proc.stdout == from_file and proc.stdout
    assert b"<stdin>:" in proc.stderr and b"not valid JSON" in proc.stderr
