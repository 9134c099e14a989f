#!/usr/bin/env python3
"""A hundred terminals on one laptop: N participant terminals (8 groups, round robin), the
facilitator and a projector on one session, all idle for a while; prints the CPU all of
Tovholder's processes used together (user + system, from /proc) as a percentage of one
core, and per terminal. Then one participant types a word a second for the same while and
the figure is taken again. Prints figures; asserts nothing.

    python3 Benchmarks/many.py [terminals] [seconds]
"""
import os
import select
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from ptyprogram import BIN, Pty  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def drain(ptys, seconds):
    """Reads what every terminal draws for `seconds` (a terminal nobody reads would block)."""
    end = time.time() + seconds
    fds = {p.fd: p for p in ptys}
    while time.time() < end:
        ready, _, _ = select.select(list(fds), [], [], max(0, end - time.time()))
        for fd in ready:
            try:
                os.read(fd, 65536)
            except OSError:
                fds.pop(fd, None)


def measure(ptys, seconds, typist=None):
    before = sum(cpu_seconds(p.pid) for p in ptys)
    start = time.time()
    if typist is None:
        drain(ptys, seconds)
    else:
        while time.time() - start < seconds:
            typist.write(b"ord ")
            drain(ptys, 1.0)
    used = sum(cpu_seconds(p.pid) for p in ptys) - before
    return 100 * used / (time.time() - start)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30
    work = tempfile.mkdtemp()
    session = os.path.join(work, "dag.tovholder")
    facilitator = Pty([BIN, session], work)
    facilitator.read_until(b"Afslut", timeout=20)
    projector = Pty([BIN, "projector", session], work, rows=45, cols=160)
    participants = []
    for i in range(count):
        p = Pty([BIN, "join", session, "--group", str(i % 4 + 1)], work)
        p.read_until(b"Arbejdsark", timeout=30)
        participants.append(p)
    ptys = [facilitator, projector] + participants
    drain(ptys, 5)  # start-up settles
    idle = measure(ptys, seconds)
    print(f"{count} participant terminals + facilitator + projector, idle {seconds:.0f} s:")
    print(f"  all of Tovholder's processes: {idle:.2f} % of one core"
          f" ({idle / len(ptys):.3f} % per terminal; budget 10 % in all)")
    typing = measure(ptys, seconds, typist=participants[0])
    print(f"  with one participant typing a word a second: {typing:.2f} % of one core")
    for p in ptys:
        p.close()


if __name__ == "__main__":
    main()
