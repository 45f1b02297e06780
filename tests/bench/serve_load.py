"""Load on nsearch-serve: CLIENTS threads, each on its own keep-alive
connection to 127.0.0.1, send a mix of API requests for SECONDS seconds.
Prints the requests, the errors and p50/p99 latency per endpoint and over
all; exits 1 on any error (a non-200 answer or a failed connection).

usage: serve_load.py URL CLIENTS SECONDS QUERIES_FILE"""

import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

url, clients, seconds, queries_file = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
parsed = urllib.parse.urlparse(url)
with open(queries_file) as f:
    QUERIES = [q.strip() for q in f if q.strip() and not q.startswith("#")]
PEOPLE = ["Bill de Blasio", "Andrew Cuomo", "Michael Bloomberg", "Donald Trump"]


def request(rng):
    q = rng.choice(QUERIES)
    kind = rng.choices(["search", "facets", "timeline", "person", "page2"], [6, 1, 1, 1, 1])[0]
    if kind == "search":
        return "search", "/api/search?" + urllib.parse.urlencode({"q": q, "facets": "1"})
    if kind == "page2":
        return "search", "/api/search?" + urllib.parse.urlencode({"q": q, "page": "2"})
    if kind == "person":
        return "person", "/api/person?" + urllib.parse.urlencode({"name": rng.choice(PEOPLE)})
    return kind, f"/api/{kind}?" + urllib.parse.urlencode({"q": q})


latencies = {}
errors = []
lock = threading.Lock()


def client(seed, deadline):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    mine, bad = {}, []
    while time.time() < deadline:
        endpoint, target = request(rng)
        start = time.perf_counter()
        try:
            conn.request("GET", target)
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                bad.append(f"{r.status} {target}: {body[:200]!r}")
            else:
                json.loads(body)
        except (OSError, http.client.HTTPException, ValueError) as e:
            bad.append(f"{type(e).__name__} {target}: {e}")
            conn.close()
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        mine.setdefault(endpoint, []).append((time.perf_counter() - start) * 1000)
    with lock:
        for k, v in mine.items():
            latencies.setdefault(k, []).extend(v)
        errors.extend(bad)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


deadline = time.time() + seconds
threads = [threading.Thread(target=client, args=(i, deadline)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()

everything = [x for v in latencies.values() for x in v]
print(f"{clients} clients, {seconds:.0f} s: {len(everything)} requests "
      f"({len(everything) / seconds:.0f}/s), {len(errors)} errors")
print(f"{'endpoint':<10} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8}")
for k in sorted(latencies):
    v = latencies[k]
    print(f"{k:<10} {len(v):>8} {pct(v, 50):>8.1f} {pct(v, 99):>8.1f}")
print(f"{'all':<10} {len(everything):>8} {pct(everything, 50):>8.1f} {pct(everything, 99):>8.1f}")
for e in errors[:10]:
    print("error:", e)
sys.exit(1 if errors or not everything else 0)
