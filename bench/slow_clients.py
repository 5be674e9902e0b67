#!/usr/bin/env python3
"""Slowloris load for bench/server_load.sh: N connections that each send a
request line and then one header line every INTERVAL seconds, never finishing
the request; a connection the server closes is opened again at once, so N
stay connected for the whole run. Prints how many were cut by the server.
Usage: slow_clients.py HOST PORT N INTERVAL SECONDS"""
import socket
import sys
import time

host, port, n, interval, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])


def connect():
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    return s


conns = [connect() for _ in range(n)]
print("slow clients: %d connected" % n, flush=True)
cut = 0
end = time.time() + seconds
while time.time() < end:
    time.sleep(interval)
    for i, s in enumerate(conns):
        try:
            s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            cut += 1
            s.close()
            try:
                conns[i] = connect()
            except OSError:
                pass
print("slow clients: %d connections cut by the server's request deadline and reopened" % cut, flush=True)
