"""rasd.extract / extract_many / events_frame against the CLI, on our own
examples and on constructed texts (always available; no ../shared)."""
import datetime
import json
import os

import pytest

import rasd
from conftest import cli_docs


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_examples_same_documents_as_cli(examples):
    events = 0
    for path in examples:
        want = cli_docs("--date", "2024-11-23", "--id", "ex", path)
        assert len(want) == 1
        got = rasd.extract(read(path), date="2024-11-23", id="ex")
        assert got == want[0], path
        events += len(got["events"])
    assert events > 0


def test_tokens_option_matches_cli(examples):
    want = cli_docs("--tokens", "--date", "2024-11-23", "--id", "ex", examples[0])[0]
    assert rasd.extract(read(examples[0]), date="2024-11-23", id="ex", tokens=True) == want
    assert "text" not in rasd.extract("نص", include_text=False)


# Emoji (outside the BMP: two UTF-16 units, four UTF-8 bytes), tashkeel and a
# Latin combining accent before the event, so byte, UTF-16 and code point
# offsets all differ.
MIXED = ("😀🇵🇸 مرحبًا بِكُمْ café 𝒜 — "
         "استقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمّان يوم 17 نوفمبر 2024، "
         "وأدان الصفدي القصف الإسرائيلي على غزة. 👍🏽")


def test_offsets_are_python_string_indices(tmp_path):
    doc = rasd.extract(MIXED, date="2024-11-23", id="mixed")
    assert doc["text"] == MIXED
    assert doc["events"] and doc["entities"]
    for ev in doc["events"]:
        a = ev["anchor"]
        assert MIXED[a["start"]:a["end"]] == a["text"]
    for e in doc["entities"]:
        assert MIXED[e["start"]:e["end"]] == e.get("surface", e["text"])
    tokens = rasd.extract(MIXED, tokens=True)["tokens"]
    for t in tokens:
        assert MIXED[t["start"]:t["end"]] == t["text"]
    # The same offsets as the CLI on the same text.
    p = tmp_path / "mixed.txt"
    p.write_text(MIXED, encoding="utf-8")
    assert cli_docs("--date", "2024-11-23", "--id", "mixed", str(p))[0] == doc


def test_invalid_utf8_repaired_like_cli(tmp_path, examples):
    raw = b"\xff\xfe bad \xc3 " + read(examples[0]).encode() + b" \xed\xa0\x80 end"
    p = tmp_path / "bad.txt"
    p.write_bytes(raw)
    want = cli_docs("--date", "2024-11-23", "--id", "bad", str(p))[0]
    got = rasd.extract(raw, date="2024-11-23", id="bad")
    assert got == want
    assert got["warnings"] and "\ufffd" in got["text"]
    assert got["events"]
    # A str with lone surrogates (surrogateescape decoding) is repaired too.
    doc = rasd.extract(raw.decode("utf-8", "surrogateescape"), id="s")
    assert doc["warnings"] and "\ufffd" in doc["text"]


def test_empty_blank_and_nul_text():
    assert rasd.extract("قال\0 الوزير")["text"] == "قال\0 الوزير"
    for text in ("", "   \n\n", b""):
        doc = rasd.extract(text)
        assert doc["events"] == [] and doc["entities"] == []
        assert doc["id"] == "" and doc["date"] is None


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["نص"], {"text": "نص"}, bytearray(b"x")])
def test_non_text_is_type_error(bad):
    with pytest.raises(TypeError, match="text must be str or bytes"):
        rasd.extract(bad)


def test_bad_arguments():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        rasd.extract("نص", date="23/11/2024")
    with pytest.raises(TypeError, match="date must be"):
        rasd.extract("نص", date=20241123)
    with pytest.raises(TypeError, match="id must be"):
        rasd.extract("نص", id=["x"])
    assert rasd.extract("نص", date=datetime.date(2024, 11, 23), id=7)["date"] == "2024-11-23"
    with pytest.raises(TypeError, match="item 1 is int"):
        rasd.extract_many(["نص", 5])
    with pytest.raises(ValueError, match="item 0: field 'text' is missing"):
        rasd.extract_many([{"id": "a"}])
    with pytest.raises(TypeError, match="single article"):
        rasd.extract_many("نص")
    with pytest.raises(ValueError, match="threads"):
        rasd.extract_many(["نص"], threads=0)


def corpus_of_examples(examples, copies=12):
    """Records built from our examples: varied ids, dates and extra fields."""
    texts = [read(p) for p in examples] + [MIXED, "", "خبر قصير بلا أحداث."]
    records = []
    for c in range(copies):
        for k, t in enumerate(texts):
            records.append({"id": f"d{c}-{k}", "date": f"2024-11-{10 + c:02d}T08:00:00Z", "text": t,
                            "title": f"title {k}", "source": "test", "rank": c})
    return records


def test_extract_many_threads_identical(examples):
    records = corpus_of_examples(examples)
    one = rasd.extract_many(records, threads=1)
    two = rasd.extract_many(records, threads=2, batch=7)  # several batches
    assert len(one) == len(records)
    assert one == two
    assert sum(len(d["events"]) for d in one) > 0
    # Each equals a single extract(); date cut to 10 characters, extras kept.
    for rec, doc in zip(records[:8], one):
        single = rasd.extract(rec["text"], date=rec["date"][:10], id=rec["id"])
        extras = {k: doc.pop(k) for k in ("title", "source", "rank")}
        assert doc == single
        assert extras == {"title": rec["title"], "source": "test", "rank": rec["rank"]}


def test_extract_many_inputs(examples):
    texts = [read(p) for p in examples]
    docs = rasd.extract_many(iter(texts), threads=2)  # a generator, str items
    assert [d["id"] for d in docs] == [str(i) for i in range(len(texts))]
    assert rasd.extract_many([]) == []
    docs = rasd.extract_many(["نص", 5, {"id": 9, "text": "نص"}], errors="skip")
    assert [d["id"] for d in docs] == ["0", "9"]


def test_extract_many_same_as_cli_jsonl(examples, tmp_path):
    records = corpus_of_examples(examples, copies=2)
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    want = cli_docs("--jsonl", str(p))
    lines = p.read_text(encoding="utf-8").splitlines()
    got = rasd.extract_many([rasd.parse_line(l) for l in lines], threads=2)
    for g in got:
        for k in ("title", "source", "rank"):
            g.pop(k)
    assert got == want


def test_parse_line_like_cli():
    rec = rasd.parse_line('{"id": 12, "date": "2024-11-23", "text": "نص", "title": "t", "x": [1]}')
    assert rec == {"id": "12", "date": "2024-11-23", "text": "نص", "title": "t", "x": [1]}
    with pytest.raises(ValueError, match="field 'text' is missing"):
        rasd.parse_line('{"id": "a"}')
    with pytest.raises(ValueError, match="not valid JSON"):
        rasd.parse_line('{"id": ')


def test_hostile_input():
    """Issue #17: what crashed or took minutes is a quick ValueError; repairs and exact ids."""
    import time
    n = 100000
    deep = '{"id":"p","text":"x","meta":' + "[" * n + "]" * n + "}"
    with pytest.raises(ValueError, match="nested deeper than 64 levels"):
        rasd.parse_line(deep)
    keys = '{"text":"x"' + "".join(',"k%d":1' % i for i in range(500000)) + "}"
    t = time.time()
    with pytest.raises(ValueError, match="more than 10000 keys"):
        rasd.parse_line(keys)
    assert time.time() - t < 5
    rec = rasd.parse_line(b'{"id": 18446744073709551617, "text": "\xd9\x82\xff"}')
    assert rec["id"] == "18446744073709551617" and rec["text"] == "\u0642\ufffd"
    for bad in ("2024-13-45", "0000-00-00", "2024-02-30"):
        with pytest.raises(ValueError, match="not a real calendar date"):
            rasd.extract("نص", date=bad)
        with pytest.raises(ValueError, match="not a real calendar date"):
            rasd.parse_line('{"text": "t", "date": "%s"}' % bad)
        with pytest.raises(ValueError, match="item 0: field 'date'"):
            rasd.extract_many([{"text": "نص", "date": bad}])
        assert rasd.extract_many([{"text": "نص", "date": bad}, "نص"], errors="skip")[0]["id"] == "1"
    assert rasd.extract("نص", date="٢٠٢٤-١١-٢٣")["date"] == "2024-11-23"
    with pytest.raises(TypeError, match="tokens must be True or False"):
        rasd.extract("نص", tokens="yes")
    with pytest.raises(TypeError, match="tokens must be True or False"):
        rasd.extract_many(["نص"], tokens="yes")


def test_events_frame(examples):
    docs = rasd.extract_many([{"id": os.path.basename(p), "date": "2024-11-23", "text": read(p)}
                              for p in examples])
    frame = rasd.events_frame(docs)
    assert list(frame.columns) == list(rasd.EVENT_COLUMNS)
    assert len(frame) == sum(len(d["events"]) for d in docs) > 0
    first = docs[0]["events"][0]
    row = frame.iloc[0]
    assert row["doc_id"] == docs[0]["id"] and row["type"] == first["type"] and row["cameo"] == first["cameo"]
    assert row["actor_codes"] == "+".join(a["code"] for a in first["actor"])
    assert docs[0]["text"][row["anchor_start"]:row["anchor_end"]] == row["anchor"]
    assert frame["negated"].dtype == bool
    empty = rasd.events_frame([rasd.extract("")])
    assert len(empty) == 0 and list(empty.columns) == list(rasd.EVENT_COLUMNS)
    assert len(rasd.events_frame(docs[0])) == len(docs[0]["events"])


def test_one_engine_per_process(examples):
    rasd.extract_many([read(p) for p in examples] * 4, threads=2)
    rasd.extract("نص")
    assert rasd._rasd.engines_created() == 1


def test_gil_released_during_analysis(examples):
    """Another Python thread keeps running while extract() analyses: it
    records times during the call, past the first switch intervals (when it
    may still hold the GIL the caller is waiting for)."""
    import threading
    import time

    long_text = "\n".join(read(p) for p in examples) * 150
    stamps, stop = [], threading.Event()

    def spin():
        k = 0
        while not stop.is_set():
            k += 1
            if k % 1000 == 0:
                stamps.append(time.perf_counter())

    t = threading.Thread(target=spin)
    t.start()
    try:
        while not stamps:
            pass
        t0 = time.perf_counter()
        rasd.extract(long_text, include_text=False)
        t1 = time.perf_counter()
    finally:
        stop.set()
        t.join()
    margin = 0.05
    assert t1 - t0 > 4 * margin, "the text should take longer to analyse"
    inside = [s for s in stamps if t0 + margin < s < t1 - margin]
    assert len(inside) > 10, f"the other thread ran {len(inside)} times during the call: the GIL was held"


def test_min_confidence_matches_cli(examples):
    """min_confidence leaves out the events below it, as `rasd extract --min-confidence` does."""
    path = examples[0]
    text = read(path)
    everything = rasd.extract(text, date="2024-11-23", id="ex")
    confident = rasd.extract(text, date="2024-11-23", id="ex", min_confidence=0.5)
    assert [e for e in everything["events"] if e["confidence"] >= 0.5] == confident["events"]
    assert cli_docs("--min-confidence", "0.5", "--date", "2024-11-23", "--id", "ex", path)[0] == confident
    many = rasd.extract_many([{"text": text, "id": "ex", "date": "2024-11-23"}], min_confidence=0.5)
    assert many[0]["events"] == confident["events"]
    for bad in (-0.1, 1.5, "0.5", True):
        with pytest.raises(ValueError):
            rasd.extract(text, min_confidence=bad)


def test_source_names_the_outlet():
    # outlets.tsv: a national outlet's unnamed state bodies are its country's.
    text = "أوقفت الوحدات الأمنية كهلا بساحة القصبة."
    units = lambda doc: [e for e in doc["entities"] if e["text"] == "الوحدات الأمنية"][0]
    assert units(rasd.extract(text, source="JawharaFM"))["code"] == "TUNCOP"
    assert "code" not in units(rasd.extract(text))
    many = rasd.extract_many([{"text": text, "source": "JawharaFM"}, {"text": text, "source": "CNN"}], threads=1)
    assert units(many[0])["code"] == "TUNCOP"
    assert "code" not in units(many[1])
    assert many[0]["source"] == "JawharaFM"  # copied into the document like any other field
    with pytest.raises(TypeError):
        rasd.extract(text, source=3)
