#!/usr/bin/env python3
"""A dot -> visible on the facilitator's console, with real terminals: eight participants (two
per group) on the vote screen, the facilitator on the vote's live count. Each round one
participant presses Space (a dot given, next time taken back) and the time until the console
draws the new count is measured. In the same run, as the reference: a participant's edit of a
goal until the console's ballot shows it (the same screen, the same path through the file).
Prints p50/p99; asserts nothing, but says if the file's count differs from what was pressed.

    python3 Benchmarks/vote.py [rounds]
"""
import os
import select
import sqlite3
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

from ptyprogram import BIN, Pty  # noqa: E402

DOWN, SPACE, ESC = b"\x1b[B", b" ", b"\x1b"


def first_output(pty, t0, timeout=5.0):
    """Milliseconds from t0 until the terminal receives anything (nothing else moves on an
    idle console with the timer stopped), or None."""
    r, _, _ = select.select([pty.fd], [], [], timeout)
    if not r:
        return None
    t = time.perf_counter()
    pty.seen += os.read(pty.fd, 65536)
    return (t - t0) * 1000


def percentiles(xs):
    xs = sorted(xs)
    return statistics.median(xs), xs[max(0, int(len(xs) * 0.99) - 1)], xs[-1]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    work = tempfile.mkdtemp()
    session = os.path.join(work, "vote.tovholder")
    facilitator = Pty([BIN, session], work, rows=40, cols=120)
    facilitator.read_until(b"Punkt 1 af")
    # To the goals' group work (item 6): the agenda, five down, Enter.
    facilitator.write(b"a"); facilitator.read_until(b"Dagens program")
    for _ in range(5):
        facilitator.write(DOWN)
    facilitator.write(b"\r"); facilitator.read_until("Drøm målene større".encode())
    participants = []
    for i in range(8):
        p = Pty([BIN, "join", session, "--group", str(i % 4 + 1)], work, rows=24, cols=80)
        p.read_until(b"Arbejdsark")
        participants.append(p)
    # The first of each group writes two goals.
    for p in participants[:4]:
        p.write(b"\x1b[200~Et m\xc3\xa5l\x1b[201~\r\x1b[200~Et andet m\xc3\xa5l\x1b[201~")
        time.sleep(0.2)
        p.write(ESC)
    time.sleep(1.0)
    facilitator.write(b"v"); facilitator.read_until(b"Prikafstemning")
    for p in participants:
        p.read_until(b"prikker tilbage")
    time.sleep(0.5)
    for w in participants + [facilitator]:
        w.drain(0.05)

    dots, given = [], set()
    for r in range(rounds):
        i = r % len(participants)
        p = participants[i]
        facilitator.drain(0.02)
        t0 = time.perf_counter()
        p.write(SPACE)
        ms = first_output(facilitator, t0)
        if ms is not None:
            dots.append(ms)
        given ^= {i}
        time.sleep(0.05)
        for w in participants:
            w.drain(0.01)

    # The reference: an edit of a goal (by the first participant, from its sheet) on the console's ballot.
    writer = participants[0]
    writer.write(ESC); time.sleep(0.3)  # back to the sheet: the first goal is focused
    writer.drain(0.1)
    edits = []
    for r in range(rounds):
        facilitator.drain(0.02)
        t0 = time.perf_counter()
        writer.write(b"\x1b[200~" + f"{r % 10}".encode() + b"\x1b[201~")
        ms = first_output(facilitator, t0)
        if ms is not None:
            edits.append(ms)
        time.sleep(0.05)
        writer.drain(0.01)

    db = sqlite3.connect(session)
    in_file = db.execute("SELECT count(*) FROM vote_dots").fetchone()[0]
    for p in participants + [facilitator]:
        p.close()
    print(f"8 participants voting, the facilitator's console on the live count ({rounds} rounds each):")
    for name, xs in (("a dot -> console", dots), ("an edit -> console (reference)", edits)):
        if not xs:
            print(f"  {name}: no observations"); continue
        p50, p99, mx = percentiles(xs)
        print(f"  {name:31} {len(xs)} observations, p50 {p50:6.1f} ms, p99 {p99:6.1f} ms, max {mx:6.1f} ms")
    print(f"  dots in the file at the end: {in_file} (pressed: {len(given)})"
          + ("" if in_file == len(given) else "  <-- differs"))


if __name__ == "__main__":
    main()
