#!/usr/bin/env python3
"""Many processes on one session file. Prints figures; asserts nothing.

1. 20 writer processes x 500 edits, each to its own field, all at once: commit latency
   (p50/p99, and the tail) and edits lost (read back with sqlite3; must be 0).
2. Edit in one process -> visible in another: 1 writer and 1 or 9 `watch` processes, which
   poll PRAGMA data_version every 1 ms as the app's loop does. Each round the writer sets a
   unique text and prints CLOCK_MONOTONIC right after its commit; each watcher prints
   CLOCK_MONOTONIC when it sees the text. Latency = watcher's time - writer's time.

    python3 Benchmarks/concurrency.py [rounds]
Budgets (DESIGN.md): 0 lost, commit p99 <= 20 ms; edit -> visible p99 <= 150 ms.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
LOAD = os.environ.get("TOVHOLDER_LOAD", os.path.join(ROOT, ".build", "release", "tovholder-load"))


def sql(path, query):
    return subprocess.run(["sqlite3", "-batch", path, query], capture_output=True, text=True,
                          check=True).stdout.strip()


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, min(len(xs) - 1, int(-(-p * len(xs) // 1)) - 1))]


def create(folder):
    path = os.path.join(folder, "bench.tovholder")
    subprocess.run([LOAD, "create", path], check=True)
    return path


def writers(folder, count=20, edits=500):
    path = create(folder)
    t0 = time.monotonic()
    procs = [subprocess.Popen([LOAD, "write", path, "--writer", str(n), "--edits", str(edits), "--mode", "own"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(1, count + 1)]
    results, errors = [], 0
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0 or err:
            print(f"  writer failed ({p.returncode}): {err.strip()[:200]}")
        if out:
            results.append(json.loads(out))
            errors += results[-1]["errors"]
    wall = time.monotonic() - t0
    lost = count * edits - sum(len(r["latencies_ms"]) for r in results)
    for r in results:
        n, e = r["writer"], r["entry"]
        kept = sql(path, f"SELECT text FROM text_history WHERE field = 'entry:{e}'").splitlines()
        current = sql(path, f"SELECT text FROM entries WHERE id = {e}")
        lost += sum(1 for j in range(edits) if f"w{n}-e{j}" != current and f"w{n}-e{j}" not in kept)
    lat = [x for r in results for x in r["latencies_ms"]]
    print(f"{count} writers x {edits} edits, own fields ({wall:.1f} s wall):")
    print(f"  commit   p50 {pct(lat, .5):7.3f} ms   p99 {pct(lat, .99):7.3f} ms   "
          f"p99.9 {pct(lat, .999):8.1f} ms   max {max(lat):8.1f} ms   >20 ms: {sum(x > 20 for x in lat)}")
    print(f"  worst writer's p99 {max(r['p99_ms'] for r in results):.3f} ms;  errors {errors};  edits lost {lost}")
    print(f"  integrity_check: {sql(path, 'PRAGMA integrity_check')}")


def visibility(folder, watchers, rounds):
    path = create(folder)
    entry = sql(path, "SELECT id FROM entries WHERE group_id = 1 AND kind = 'challenge'")
    lat = []
    for i in range(rounds):
        text = f"round-{watchers}-{i}"
        procs = [subprocess.Popen([LOAD, "watch", path, "--until", text, "--timeout", "10"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(watchers)]
        for p in procs:  # each has loaded once and is polling
            assert p.stderr.readline().strip() == "ready"
        time.sleep(0.02)
        out = subprocess.run([LOAD, "set", path, "--entry", entry, "--text", text],
                             capture_output=True, text=True, check=True).stdout
        committed = float(out)
        for p in procs:
            seen, _ = p.communicate(timeout=15)
            lat.append((float(seen) - committed) * 1000)
    print(f"  1 writer + {watchers} watcher{'s' if watchers > 1 else ''} ({watchers + 1} processes), {rounds} rounds: "
          f"p50 {pct(lat, .5):6.2f} ms   p99 {pct(lat, .99):6.2f} ms   max {max(lat):6.2f} ms")


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    if not os.path.exists(LOAD):
        sys.exit(f"build first: swift build -c release --product tovholder-load ({LOAD})")
    with tempfile.TemporaryDirectory() as folder:
        writers(folder)
    print("edit -> visible in another process (watchers poll data_version every 1 ms):")
    for w in (1, 9):
        with tempfile.TemporaryDirectory() as folder:
            visibility(folder, w, rounds)


if __name__ == "__main__":
    main()
