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

    for body, what in [("{bad json", "malformed JSON"), ("[1,2]", "not an object"), ('{"date":"2024-11-20"}', "no text"),
                       ('{"text": 5}', "text not a string"), ('{"text":"x","date":"20-11-2024"}', "bad date"),
                       ('{"text":"x","min_confidence":2}', "min_confidence above 1"),
                       ('{"text":"x","min_confidence":"0.5"}', "min_confidence not a number")]:
        st, ct, data = request(port, "POST", "/api/extract", body)
        e = jbody(data)
        check(st == 400 and e and "error" in e, "POST /api/extract %s -> 400 JSON (%s)" % (what, e and e.get("error")))
    st, ct, data = request(port, "POST", "/api/extract", json.dumps({"text": "ا" * 40000}, ensure_ascii=False).encode())
    check(st == 413 and jbody(data) and jbody(data)["status"] == 413, "body over --max-body -> 413 JSON")
    st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": "ا" * 20000}, ensure_ascii=False).encode())
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
    for bad in ["limit=abc", "limit=0", "offset=-1", "since=1/1/2024", "limit=999999"]:
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

    proc.send_signal(signal.SIGTERM)
    check(proc.wait(timeout=15) == 0, "SIGTERM stops the server with exit 0")

    # No database yet: the store endpoints answer 503, extract still works.
    proc, host, port = start(os.path.join(tmp, "absent.db"), os.path.join(tmp, "no-web"))
    st, ct, data = request(port, "GET", "/api/events")
    check(st == 503 and "rasd ingest" in jbody(data)["error"], "no database -> 503 with a hint")
    st, ct, data = request(port, "GET", "/")
    check(st == 503 and b"not built" in data, "no web page -> 503 with a hint")
    st, _, _ = request(port, "POST", "/api/extract", json.dumps({"text": text}))
    check(st == 200, "extract works without a database")
    proc.send_signal(signal.SIGINT)
    check(proc.wait(timeout=15) == 0, "SIGINT stops the server with exit 0")
    st = subprocess.run([rasd, "serve", "--port", "70000"], capture_output=True).returncode
    check(st == 2, "--port 70000 -> usage error")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%d check(s) failed" % len(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
