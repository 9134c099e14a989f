#!/usr/bin/env python3
"""Edit in one terminal -> visible in another, with real terminals: one participant types into
its worksheet while the other terminals (the facilitator and other participants) show the
plenum; the time from the keystroke to its appearance on each other terminal is measured.
Prints p50/p99 with 2 and with 10 terminals; asserts nothing.

    python3 Benchmarks/live.py [rounds]
"""
import os
import select
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

from ptyprogram import BIN, Pty  # noqa: E402


def measure(terminals, rounds, work):
    session = os.path.join(work, f"live{terminals}.tovholder")
    facilitator = Pty([BIN, session], work, rows=30, cols=120)
    facilitator.read_until(b"Punkt 1 af")
    facilitator.write(b"o"); facilitator.read_until(b"plenum")
    watchers = [facilitator]
    for i in range(terminals - 2):
        p = Pty([BIN, "join", session, "--group", str(i % 4 + 1)], work, rows=30, cols=120)
        p.read_until(b"Arbejdsark")
        p.write(b"\x1b[15~"); p.read_until(b"plenum")  # F5: a participant's worksheet takes letters
        watchers.append(p)
    writer = Pty([BIN, "join", session, "--group", "1"], work)
    writer.read_until(b"Arbejdsark")
    # The first goal is focused; the first paste starts editing it (shown in every plenum).
    time.sleep(0.5)
    for w in watchers + [writer]:
        w.drain(0.05)
    latencies = []
    for r in range(rounds):
        # One word per round, pasted at once: ncurses only sends changed cells, so a word
        # typed letter by letter would never appear whole on the other terminals.
        marker = f"Z{r:03d}Z".encode()
        for w in watchers:
            w.drain(0.01)
        t0 = time.perf_counter()
        writer.write(b"\x1b[200~" + marker + b"\x1b[201~")
        pending = {w.fd: w for w in watchers}
        deadline = t0 + 5
        while pending and time.perf_counter() < deadline:
            ready, _, _ = select.select(list(pending), [], [], 0.5)
            for fd in ready:
                w = pending[fd]
                w.seen += os.read(fd, 65536)
                if marker in w.seen:
                    latencies.append((time.perf_counter() - t0) * 1000)
                    del pending[fd]
        writer.write(b"\x7f" * len(marker))  # erased again: every word is drawn into blank cells
        time.sleep(0.08)
        for w in watchers + [writer]:
            w.drain(0.01)
    for p in watchers + [writer]:
        p.close()
    return latencies


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    work = tempfile.mkdtemp()
    print("edit in one terminal -> visible in the others (real terminals, plenum view):")
    for n in (2, 10):
        xs = sorted(measure(n, rounds, work))
        if not xs:
            print(f"  {n:2} terminals: no observations"); continue
        p99 = xs[max(0, int(len(xs) * 0.99) - 1)]
        print(f"  {n:2} terminals: {len(xs)} observations, p50 {statistics.median(xs):6.1f} ms, "
              f"p99 {p99:6.1f} ms, max {xs[-1]:6.1f} ms (budget p99 150 ms)")


if __name__ == "__main__":
    main()
