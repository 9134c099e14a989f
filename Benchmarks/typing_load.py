#!/usr/bin/env python3
"""Commit latency and transactions while N participants type (issue 21, point 2). Prints
figures; asserts nothing.

N local participant terminals (`tovholder join FILE --group "Gruppe g"`, the groups in
turn), each in a pseudo-terminal read by one poll loop (serve_processes.Hub), each under
`strace -f --seccomp-bpf` that stops the view only at pwrite64/fsync/fdatasync (the rest
runs untraced). Each makes a mechanism of its own (Down, F3) and types words at RATE
characters a second for SECONDS, in writes of BURST characters (1: one key at a time, as a
person types; 8: eight keys that arrive together, as over a slow link or from a fast typist).

From the traces, per view:
- a commit = the -wal pwrite64s since the last sync + the -wal fdatasync/fsync that ends
  them; its latency = first write -> end of the sync (what SQLite's COMMIT waits for on
  the disk; the busy wait for the write lock, if any, is not in it);
- transactions = the -wal syncs (synchronous = FULL: one per commit); checkpoints (syncs
  of the main file) counted apart.

Before coalescing (b488cf8^) every key was one transaction (one setText effect, one write,
one fsync): transactions per typed character was 1.0 by construction. This script measures
the ratio of the binary at hand; it builds nothing, so the "before" figure is that
construction, not a measurement.

    python3 Benchmarks/typing_load.py [participants 40] [seconds 20] [rate 4] [burst 1]

The binary is $TOVHOLDER_BIN, else .build/release/tovholder. Needs strace.
"""
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from serve_processes import BIN, HUB, ENV, ROOT, percentile, screen_text, start  # noqa: E402

TEMPLATE = os.path.join(ROOT, "sessions", "udviklingsdag.yaml")
STRACE = shutil.which("strace")
DOWN, F3 = b"\x1bOB", b"\x1bOR"  # as xterm sends them in keypad mode
LINE = re.compile(r"^(\d+)\s+(\d+\.\d+) (pwrite64|fdatasync|fsync)\((\d+)<([^>]*)>.*\)\s+=\s+(-?\d+).*<(\d+\.\d+)>$")


def parse(trace):
    """[(start of the first write, end of the sync)] of every -wal commit, and the number of
    main-file syncs (checkpoints), from one strace -f -ttt -T -y output."""
    commits, checkpoints = [], 0
    pending = {}  # pid -> time of the first -wal write since its last sync
    with open(trace, errors="replace") as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            pid, ts, call, _, path, _, took = m.groups()
            ts, took = float(ts), float(took)
            if call == "pwrite64":
                if path.endswith("-wal"):
                    pending.setdefault(pid, ts)
            elif path.endswith("-wal"):
                commits.append((pending.pop(pid, ts), ts + took))
            elif not path.endswith("-shm"):
                checkpoints += 1
    return commits, checkpoints


def main():
    participants = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0
    burst = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if not STRACE:
        sys.exit("needs strace")
    work = tempfile.mkdtemp(prefix="tov-typing-")
    session = os.path.join(work, "dag.tovholder")
    terminals, traces = [], []
    try:
        subprocess.run([BIN, "new", session, "--template", TEMPLATE], check=True, capture_output=True,
                       env=dict(ENV, LANG="C.UTF-8"))
        print(f"binary {BIN}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}; "
              f"{participants} participants, {rate:g} characters/s each for {seconds:g} s, in writes of {burst}")
        for p in range(1, participants + 1):
            trace = os.path.join(work, f"strace-{p}.txt")
            traces.append(trace)
            argv = [STRACE, "-f", "--seccomp-bpf", "-qq", "-ttt", "-T", "-y", "-o", trace,
                    "-e", "trace=pwrite64,fdatasync,fsync", BIN, "join", session, "--group", f"Gruppe {(p - 1) % 4 + 1}"]
            t = start(argv, cwd=work, label=f"p{p}")
            t.watch(b"Afslut")
            terminals.append(t)
            if p % 10 == 0:
                HUB.wait(lambda: all(x.got or not x.alive for x in terminals), 60)
        HUB.wait(lambda: all(x.got or not x.alive for x in terminals), 60)
        ready = [t for t in terminals if t.got]
        if len(ready) < participants:
            bad = next(t for t in terminals if not t.got)
            print(f"  ! {participants - len(ready)} did not start; {bad.label} drew {screen_text(bad.tail)[-300:]!r}")
        for t in ready:
            t.write(DOWN + F3)
        HUB.run(1.0)
        text = {t.label: "".join(f"{t.label}x{n} " for n in range(1, 2000)).encode() for t in ready}
        sent = {t.label: 0 for t in ready}
        step = burst / rate  # each participant's writes come this far apart
        slots = max(1, int(step / 0.02))  # the room is spread over ticks of about 20 ms
        tick = step / slots
        t0 = time.monotonic()
        n = 0
        while time.monotonic() - t0 < seconds:
            for i, t in enumerate(ready):
                if i % slots == n % slots:
                    k = sent[t.label]
                    t.write(text[t.label][k:k + burst])
                    sent[t.label] = k + burst
            n += 1
            HUB.run(max(0.0, t0 + n * tick - time.monotonic()))
        typed_until = time.monotonic()
        wall_from, wall_to = time.time() - (typed_until - t0), time.time()  # strace's clock is the wall clock
        typed = sum(sent.values())
        HUB.run(3.0)  # the last keys saved
        db = sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=10)
        saved = sum(len(t) for (t,) in db.execute(
            "SELECT text FROM entries WHERE kind = 'mechanism' AND deleted_at IS NULL"))
        db.close()
        # The views save and quit on SIGTERM (strace follows them out and closes its file).
        for t in terminals:
            for pid in subprocess.run(["pgrep", "-P", str(t.pid)], capture_output=True, text=True).stdout.split():
                os.kill(int(pid), signal.SIGTERM)
        HUB.wait(lambda: all(not t.alive for t in terminals), 20)
        commits, checkpoints = [], 0
        for trace in traces:
            c, k = parse(trace)
            commits += c
            checkpoints += k
        during = [c for c in commits if wall_from <= c[0] <= wall_to]
        lat = [(end - begin) * 1000 for begin, end in during]
        print(f"typed {typed} characters ({typed / (typed_until - t0):.0f}/s in all), saved {saved} "
              f"(the texts' length after 3 s more)")
        if lat:
            print(f"  commits while typing: {len(during)}, {len(during) / typed:.3f} per typed character "
                  f"(before coalescing: 1.0 by construction, one transaction per key)")
            print(f"  commit (first -wal write -> end of its fsync): p50 {percentile(lat, 0.5):6.2f} ms   "
                  f"p99 {percentile(lat, 0.99):7.2f} ms   max {max(lat):7.2f} ms")
        print(f"  all commits in the traces (joins, leases, heartbeats, quitting): {len(commits)}; "
              f"checkpoint syncs of the main file: {checkpoints}")
    finally:
        for t in terminals:
            t.close(signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
