#!/usr/bin/env python3
"""Whole-program tests of `rasd serve` (docs/server.md): every endpoint, the
error statuses (400, 404, 405, 413), static files without path traversal,
loopback binding, and 64 concurrent keep-alive clients.
Usage: server_test.py RASD_BINARY SOURCE_DIR"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

rasd, src = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="rasd-server-test-")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, r.getheader("Content-Type", ""), data


JSON = {"Content-Type": "application/json"}


def jbody(data):
    try:
        return json.loads(data)
    except ValueError:
        return None


def start(db, web, *extra):
    proc = subprocess.Popen([rasd, "serve", "--db", db, "--port", "0", "--web", web, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    m = re.search(r"listening on http://([^:/]+):(\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit("FAIL: rasd serve did not start: " + line)
    return proc, m.group(1), int(m.group(2))


def raw_exchange(port, data, timeout=10):
    """Sends raw bytes on a new connection; returns what came back until the server closed or went quiet."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


def status_of(raw):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", raw)
    return int(m.group(1)) if m else None


def hostile_checks(port, text):
    """Issue #17: hostile bodies and headers on the running server (--max-body 65536)."""
    # A chunked body far above --max-body: 413, not read to the end.
    def chunks():
        piece = b"x" * 8192
        for _ in range(4096):  # 32 MiB offered
            yield piece
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/api/extract", body=chunks(), headers={"Content-Type": "application/json"},
                     encode_chunked=True)
        r = conn.getresponse()
        st = r.status
        r.read()
    except (BrokenPipeError, ConnectionResetError):
        st = "reset before an answer"
    conn.close()
    check(st == 413, "chunked body above --max-body -> 413 (%s)" % st)
    body = json.dumps({"text": "ا" * 20000}, ensure_ascii=False).encode()
    raw = raw_exchange(port, b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                       b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
    check(status_of(raw) == 200, "chunked body under --max-body -> 200 (%s)" % status_of(raw))
    raw = raw_exchange(port, b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Transfer-Encoding: chunked\r\n\r\n" + b"1" * 200000)
    check(status_of(raw) == 400 or raw == b"", "an endless chunk-size line is refused (%s)" % status_of(raw))
    raw = raw_exchange(port, b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Content-Length: -1\r\n\r\n{}")
    check(status_of(raw) == 400, "Content-Length: -1 -> 400 (%s)" % status_of(raw))
    # JSON endpoints take JSON only: a cross-site text/plain or form POST does no work.
    for ctype in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]:
        st, _, data = request(port, "POST", "/api/extract", json.dumps({"text": text}),
                              {"Content-Type": ctype} if ctype else {})
        check(st == 415 and jbody(data), "POST /api/extract with Content-Type %s -> 415" % ctype)
    st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": "x"}),
                       {"Content-Type": "Application/JSON; charset=utf-8"})
    check(st == 200, "application/json with a charset parameter -> 200")
    # DNS rebinding: a foreign Host name is refused; IP literals and localhost pass.
    for host, want in [("evil.example", 403), ("evil.example:8080", 403), ("localhost:1", 200),
                       ("127.0.0.1:%d" % port, 200), ("[::1]:%d" % port, 200)]:
        st, _, data = request(port, "GET", "/api/health", headers={"Host": host})
        check(st == want, "Host: %s -> %d (%d)" % (host, want, st))
    # Hostile JSON bodies: refused quickly, with a reason.
    n = 100000
    deep = ('{"text":"x","meta":' + "[" * n + "]" * n + "}").encode()
    st, _, data = request(port, "POST", "/api/extract", deep[:60000] + b"]}", JSON)
    check(st == 400 and "nested deeper" in jbody(data)["error"], "deeply nested body -> 400 (%s)" % st)
    keys = ('{"text":"x"' + "".join(',"k%d":1' % i for i in range(6000)) + "}").encode()
    st, _, data = request(port, "POST", "/api/extract", keys, JSON)
    check(st == 200, "6,000 unused keys -> 200 in linear time (%s)" % st)
    for bad, what in [('{"text":"x","date":"2024-02-30"}', "impossible date"), ('{"text":"x","date":"0000-00-00"}', "zero date"),
                      ('{"text":"x","tokens":"yes"}', "tokens not a boolean")]:
        st, _, data = request(port, "POST", "/api/extract", bad, JSON)
        check(st == 400 and jbody(data), "POST /api/extract %s -> 400 (%s)" % (what, jbody(data)))
    st, _, data = request(port, "POST", "/api/extract",
                          r'{"text":"x\udc00","date":"\u0662\u0660\u0662\u0664-\u0661\u0661-\u0662\u0663"}', JSON)
    check(st == 200 and jbody(data)["date"] == "2024-11-23", "Arabic-Indic date digits and a lone surrogate -> 200")
    for bad in ["since=2024-13", "until=2024-02-30", "since=0000"]:
        st, _, _ = request(port, "GET", "/api/events?" + bad)
        check(st == 400, "GET /api/events?%s -> 400" % bad)


def limits_checks(db, web, text):
    """Deadlines, connection and queue bounds, graceful SIGTERM: each on its own server."""
    # Slowloris: 110 connections trickling header lines do not stop others being served,
    # and each is cut at the whole-request deadline.
    proc, host, port = start(db, web, "--request-timeout", "3")
    # A 2 MB body of 190,000 keys (25 s of CPU before): refused at once.
    keys = ('{"text":"x"' + "".join(',"%x":1' % i for i in range(190000)) + "}").encode()
    t0 = time.time()
    st, _, data = request(port, "POST", "/api/extract", keys, JSON)
    took = time.time() - t0
    check(st == 400 and "more than 10000 keys" in jbody(data)["error"] and took < 3,
          "%d-byte body of 190,000 keys -> 400 in %.2f s" % (len(keys), took))
    slow = []
    for _ in range(110):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(s)
    errors = []

    def trickle():
        for _ in range(3):
            for s in slow:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
            threading.Event().wait(1.0)
    t = threading.Thread(target=trickle)
    t.start()
    for _ in range(20):
        try:
            st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": text}), JSON)
            if st != 200:
                errors.append(st)
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))
    check(not errors, "20 requests served while 110 slow clients are connected (%s)" % errors[:3])
    t.join()
    threading.Event().wait(1.5)
    cut = 0
    for s in slow:
        try:
            s.settimeout(2)
            data = s.recv(4096)
            cut += data == b"" or data.startswith(b"HTTP/1.1 408")
        except OSError:
            cut += 1
        s.close()
    check(cut == 110, "slow clients cut at the 3 s request deadline (%d of 110)" % cut)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)

    # A bounded number of connections: the next one gets a clear 503.
    proc, host, port = start(db, web, "--max-connections", "4")
    held = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(4)]
    threading.Event().wait(0.3)
    raw = raw_exchange(port, b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    check(status_of(raw) == 503 and b"too many connections" in raw, "connections above --max-connections -> 503")
    for s in held:
        s.close()
    threading.Event().wait(0.3)
    st, _, _ = request(port, "GET", "/api/health")
    check(st == 200, "served again once connections close")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)

    # A full queue answers 503 at once instead of making clients wait.
    proc, host, port = start(db, web, "--threads", "1", "--queue", "1")
    statuses = []
    big = json.dumps({"text": text * 20})

    def one():
        try:
            statuses.append(request(port, "POST", "/api/extract", big, JSON)[0])
        except Exception as e:  # noqa: BLE001
            statuses.append(repr(e))
    ts = [threading.Thread(target=one) for _ in range(12)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    check(set(statuses) <= {200, 503} and 503 in statuses and 200 in statuses,
          "--threads 1 --queue 1: extra requests get 503 (%s)" % sorted(map(str, statuses)))
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)

    # SIGTERM under load: in-flight requests finish, then exit 0.
    proc, host, port = start(db, web, "--threads", "1")
    results = []

    def inflight():
        try:
            results.append(request(port, "POST", "/api/extract", big, JSON)[0])
        except Exception as e:  # noqa: BLE001
            results.append(repr(e))
    ts = [threading.Thread(target=inflight) for _ in range(3)]
    for t in ts:
        t.start()
    threading.Event().wait(0.3)
    proc.send_signal(signal.SIGTERM)
    for t in ts:
        t.join()
    check(results == [200, 200, 200], "SIGTERM: in-flight requests answered (%s)" % results)
    check(proc.wait(timeout=15) == 0, "SIGTERM under load exits 0")


try:
    examples = sorted(os.path.join(src, "examples", f) for f in os.listdir(os.path.join(src, "examples"))
                      if f.endswith(".txt"))
    db = os.path.join(tmp, "store.db")
    subprocess.run([rasd, "ingest", "--db", db, "--date", "2024-11-20", *examples], check=True,
                   stderr=subprocess.DEVNULL)
    # A web root with a secret file beside it: traversal must not reach it.
    web = os.path.join(tmp, "web")
    os.makedirs(os.path.join(web, "sub"))
    with open(os.path.join(web, "index.html"), "w") as f:
        f.write("<!doctype html><title>t</title>")
    with open(os.path.join(web, "sub", "a.txt"), "w") as f:
        f.write("inside")
    with open(os.path.join(tmp, "secret.txt"), "w") as f:
        f.write("SECRET-OUTSIDE-WEB-ROOT")

    proc, host, port = start(db, web, "--max-body", "65536")
    check(host == "127.0.0.1", "binds to 127.0.0.1 without --host (%s)" % host)
    try:
        # Another local address of this machine must refuse: only loopback listens.
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.connect(("10.255.255.255", 1))
        own = probe.getsockname()[0]
        probe.close()
        if not own.startswith("127."):
            s = socket.socket()
            s.settimeout(2)
            check(s.connect_ex((own, port)) != 0, "not reachable on %s:%d" % (own, port))
            s.close()
    except OSError:
        print("note: no non-loopback address to probe")

    st, ct, data = request(port, "GET", "/api/health")
    h = jbody(data)
    check(st == 200 and h and h["status"] == "ok" and h["db_ok"], "GET /api/health")

    text = open(examples[0], encoding="utf-8").read()
    st, ct, data = request(port, "POST", "/api/extract", json.dumps({"text": text, "date": "2024-11-20"}),
                           {"Content-Type": "application/json"})
    doc = jbody(data)
    check(st == 200 and "application/json" in ct and doc and doc["events"] and doc["entities"],
          "POST /api/extract: entities and events")
    cli = subprocess.run([rasd, "extract", "--date", "2024-11-20", "--id", "request", "-"], input=text,
                         capture_output=True, text=True).stdout
    check(doc == json.loads(cli), "POST /api/extract equals `rasd extract` output")
    st, ct, data = request(port, "POST", "/api/extract",
                           json.dumps({"text": text, "date": "2024-11-20", "min_confidence": 0.5}),
                           {"Content-Type": "application/json"})
    cli = subprocess.run([rasd, "extract", "--date", "2024-11-20", "--id", "request", "--min-confidence", "0.5", "-"],
                         input=text, capture_output=True, text=True).stdout
    check(st == 200 and jbody(data) == json.loads(cli), "POST /api/extract min_confidence equals --min-confidence")
    # The outlet (outlets.tsv): a national outlet's unnamed state bodies are its country's.
    outlet_text = "أوقفت الوحدات الأمنية كهلا بساحة القصبة."
    st, ct, data = request(port, "POST", "/api/extract",
                           json.dumps({"text": outlet_text, "source": "JawharaFM"}, ensure_ascii=False).encode(), JSON)
    codes = [e.get("code") for e in (jbody(data) or {}).get("entities", [])]
    check(st == 200 and "TUNCOP" in codes, "POST /api/extract source names the outlet (%s)" % codes)

    for body, what in [("{bad json", "malformed JSON"), ("[1,2]", "not an object"), ('{"date":"2024-11-20"}', "no text"),
                       ('{"text": 5}', "text not a string"), ('{"text":"x","date":"20-11-2024"}', "bad date"),
                       ('{"text":"x","min_confidence":2}', "min_confidence above 1"),
                       ('{"text":"x","min_confidence":"0.5"}', "min_confidence not a number"),
                       ('{"text":"x","source":5}', "source not a string")]:
        st, ct, data = request(port, "POST", "/api/extract", body, JSON)
        e = jbody(data)
        check(st == 400 and e and "error" in e, "POST /api/extract %s -> 400 JSON (%s)" % (what, e and e.get("error")))
    st, ct, data = request(port, "POST", "/api/extract", json.dumps({"text": "ا" * 40000}, ensure_ascii=False).encode(),
                           JSON)
    check(st == 413 and jbody(data) and jbody(data)["status"] == 413, "body over --max-body -> 413 JSON")
    st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": "ا" * 20000}, ensure_ascii=False).encode(),
                       JSON)
    check(st == 200, "body under --max-body -> 200")

    for method, path, allow in [("GET", "/api/extract", "POST"), ("POST", "/api/events", "GET"),
                                ("DELETE", "/api/documents/x", "GET"), ("PUT", "/api/health", "GET")]:
        st, ct, data = request(port, method, path)
        check(st == 405 and jbody(data), "%s %s -> 405 JSON" % (method, path))
    st, ct, data = request(port, "GET", "/api/nothing")
    check(st == 404 and jbody(data), "unknown API path -> 404 JSON")

    st, ct, data = request(port, "GET", "/api/events?limit=2")
    page = jbody(data)
    check(st == 200 and len(page["events"]) == 2 and page["next_offset"] == 2, "GET /api/events?limit=2")
    st, ct, data = request(port, "GET", "/api/events?limit=2&offset=2")
    page2 = jbody(data)
    check(st == 200 and page2["events"] and page2["events"][0]["id"] not in [e["id"] for e in page["events"]],
          "offset gives the next page")
    st, ct, data = request(port, "GET", "/api/events?limit=1000")
    every = jbody(data)["events"]
    st, ct, data = request(port, "GET", "/api/events?actor=JOR")
    jor = jbody(data)["events"]
    check(jor and all(any(c.startswith("JOR") for c in e["actor"]) for e in jor) and len(jor) < len(every),
          "GET /api/events?actor=JOR filters")
    q = urllib.parse.quote("الجهود")
    st, ct, data = request(port, "GET", "/api/events?text=" + q)
    check(st == 200 and 0 < len(jbody(data)["events"]) < len(every), "GET /api/events?text= (full text)")
    st, ct, data = request(port, "GET", "/api/events?limit=1000&min_confidence=0.5")
    sure = jbody(data)["events"]
    check(st == 200 and all(e["confidence"] >= 0.5 for e in sure) and len(sure) < len(every),
          "GET /api/events?min_confidence=0.5 keeps only events at or above it")
    st, ct, data = request(port, "GET", "/api/events?limit=1000&min_goldstein=0&quad=1")
    coop = jbody(data)["events"]
    check(st == 200 and all(e["goldstein"] >= 0 and e["quad_class"] == 1 for e in coop),
          "GET /api/events?min_goldstein=0&quad=1")
    for bad in ["limit=abc", "limit=0", "offset=-1", "since=1/1/2024", "limit=999999", "min_confidence=2",
                "min_confidence=x", "min_goldstein=11", "quad=5"]:
        st, ct, data = request(port, "GET", "/api/events?" + bad)
        check(st == 400 and jbody(data), "GET /api/events?%s -> 400" % bad)

    doc_id = every[0]["doc_id"]
    st, ct, data = request(port, "GET", "/api/documents/" + urllib.parse.quote(doc_id, safe=""))
    d = jbody(data)
    check(st == 200 and d["meta"]["id"] == doc_id and d["document"]["events"], "GET /api/documents/{id}")
    st, ct, data = request(port, "GET", "/api/documents/no-such-doc")
    check(st == 404 and jbody(data), "unknown document -> 404 JSON")
    st, ct, data = request(port, "GET", "/api/stats")
    s = jbody(data)
    check(st == 200 and s["documents"] == len(examples) and s["events"] == len(every), "GET /api/stats totals")
    st, ct, data = request(port, "GET", "/api/stats?by=type")
    check(st == 200 and sum(r["count"] for r in jbody(data)["rows"]) == len(every), "GET /api/stats?by=type")
    st, ct, data = request(port, "GET", "/api/stats?by=colour")
    check(st == 400, "GET /api/stats?by=colour -> 400")

    # Static files and traversal attempts (raw paths, encoded or not).
    st, ct, data = request(port, "GET", "/")
    check(st == 200 and b"<title>t</title>" in data and "text/html" in ct, "GET / serves index.html")
    st, ct, data = request(port, "GET", "/sub/a.txt")
    check(st == 200 and data == b"inside", "GET /sub/a.txt")
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub/../../secret.txt",
                 "/sub/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd", "//etc/passwd",
                 "/sub/..%5c..%5csecret.txt"]:
        st, ct, data = request(port, "GET", path)
        check(b"SECRET" not in data and b"root:" not in data and st != 200, "no traversal: %s -> %d" % (path, st))

    # 64 clients at once, each on its own kept-alive connection.
    errors = []
    barrier = threading.Barrier(64)
    body = json.dumps({"text": text, "date": "2024-11-20"})

    def client(i):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.connect()
            barrier.wait(timeout=30)
            for k in range(4):
                if (i + k) % 2:
                    conn.request("POST", "/api/extract", body=body, headers={"Content-Type": "application/json"})
                else:
                    conn.request("GET", "/api/events?limit=20")
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors.append("client %d: %d" % (i, r.status))
            conn.close()
        except Exception as e:  # noqa: BLE001 - any failure counts
            errors.append("client %d: %r" % (i, e))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(64)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not errors, "64 concurrent keep-alive clients, 256 requests, all 200 (%s)" % "; ".join(errors[:3]))

    hostile_checks(port, text)

    proc.send_signal(signal.SIGTERM)
    check(proc.wait(timeout=15) == 0, "SIGTERM stops the server with exit 0")
    limits_checks(db, web, text)

    # No database yet: the store endpoints answer 503, extract still works.
    proc, host, port = start(os.path.join(tmp, "absent.db"), os.path.join(tmp, "no-web"))
    st, ct, data = request(port, "GET", "/api/events")
    check(st == 503 and "rasd ingest" in jbody(data)["error"], "no database -> 503 with a hint")
    st, ct, data = request(port, "GET", "/")
    check(st == 503 and b"not built" in data, "no web page -> 503 with a hint")
    st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": text}), JSON)
    check(st == 200, "extract works without a database")
    proc.send_signal(signal.SIGINT)
    check(proc.wait(timeout=15) == 0, "SIGINT stops the server with exit 0")
    st = subprocess.run([rasd, "serve", "--port", "70000"], capture_output=True).returncode
    check(st == 2, "--port 70000 -> usage error")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%d check(s) failed" % len(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
