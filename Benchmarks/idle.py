#!/usr/bin/env python3
"""Idle CPU of a facilitator's and a participant's terminal over a while (60 s by default),
read from /proc/PID/stat (user + system time), with nano idling beside them in the same run
as a peer. Prints figures; asserts nothing.

    python3 Benchmarks/idle.py [seconds]
"""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from ptyprogram import BIN, Pty  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    work = tempfile.mkdtemp()
    session = os.path.join(work, "dag.tovholder")
    facilitator = Pty([BIN, session], work)
    facilitator.read_until(b"Afslut")
    participant = Pty([BIN, "join", session, "--group", "1"], work)
    participant.read_until(b"Arbejdsark")
    programs = [("facilitator", facilitator), ("participant", participant)]
    if shutil.which("nano"):
        empty = os.path.join(work, "empty.txt")
        open(empty, "w").close()
        nano = Pty([shutil.which("nano"), "--ignorercfiles", empty], work)
        nano.read_until(b"GNU nano")
        programs.append(("nano", nano))
    time.sleep(2)  # past start-up
    start = {name: cpu_seconds(p.pid) for name, p in programs}
    t0 = time.time()
    end = t0 + seconds
    while time.time() < end:  # keep the ptys drained, as a terminal would
        for _, p in programs:
            p.drain(0.05)
        time.sleep(0.5)
    elapsed = time.time() - t0
    print(f"idle CPU over {elapsed:.0f} s (share of one core)")
    for name, p in programs:
        used = cpu_seconds(p.pid) - start[name]
        print(f"  {name:12} {used * 1000 / elapsed:7.2f} ms/s   {100 * used / elapsed:5.2f} %")
        p.close()


if __name__ == "__main__":
    main()
