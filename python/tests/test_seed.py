"""The reference article (../shared/seed, date 2024-11-23): the Python module
gives the CLI's document, and the events score perfectly like the CLI's.
Run by CTest through run_shared.sh, which skips (exit 77) without ../shared."""
import json
import os
import subprocess
import sys

import rasd
from conftest import SHARED_DIR, cli_docs


def test_reference_article_same_as_cli(tmp_path):
    path = os.path.join(SHARED_DIR, "seed", "article.txt")
    with open(path, "rb") as f:
        raw = f.read()
    want = cli_docs("--date", "2024-11-23", "--id", "seed", path)[0]
    got = rasd.extract(raw.decode("utf-8"), date="2024-11-23", id="seed")
    assert got == want
    assert got["events"]
    out = tmp_path / "py.json"
    out.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
    score = subprocess.run([sys.executable, os.path.join(SHARED_DIR, "tools", "score.py"), "events",
                            "--gold", os.path.join(SHARED_DIR, "seed", "expected.json"), "--pred", str(out)],
                           capture_output=True, text=True, check=True).stdout
    assert "precision=1.000 recall=1.000" in score.strip().splitlines()[-1], score


def test_corpus_sample_same_as_cli(tmp_path):
    """200 real articles from each corpus file: extract_many(threads=2) equals
    `rasd extract --jsonl` document for document."""
    corpus = os.path.join(SHARED_DIR, "corpus")
    lines = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".jsonl"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                lines += [next(f) for _ in range(200)]
    p = tmp_path / "sample.jsonl"
    p.write_text("".join(lines), encoding="utf-8")
    want = cli_docs("--jsonl", str(p))
    got = rasd.extract_many((rasd.parse_line(l) for l in lines), threads=2)
    keep = set(want[0])
    got = [{k: v for k, v in d.items() if k in keep} for d in got]
    assert len(got) == len(want) == len(lines)
    assert got == want
