#!/usr/bin/env python3
"""Keystroke -> echo inside a worksheet field, in a pseudo-terminal, against nano in the same
run; and a 10 000-character bracketed paste, from the paste to the last character on
screen. Prints figures; asserts nothing.

    python3 Benchmarks/keystrokes.py [keystrokes]
"""
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from ptyprogram import BIN, Pty  # noqa: E402


def echo_times(p, count):
    times = []
    letters = b"abcdefghijklmnopqrstuvwxyz"
    for i in range(count):
        ch = letters[i % 26:i % 26 + 1]
        p.seen = b""
        t0 = time.perf_counter()
        p.write(ch)
        t1 = p.read_until(ch)
        times.append((t1 - t0) * 1000)
        p.drain(0.002)
    return times


def figures(name, xs):
    xs = sorted(xs)
    print(f"  {name:28} median {statistics.median(xs):6.3f} ms   p99 {xs[int(len(xs) * 0.99) - 1]:6.3f} ms")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    work = tempfile.mkdtemp()
    session = os.path.join(work, "dag.tovholder")
    p = Pty([BIN, session], work)
    p.read_until(b"Afslut")
    p.write(b"g"); p.read_until(b"Grupper")
    p.write(b"\r"); p.read_until(b"Arbejdsark")
    p.drain()  # the first goal has the focus; the first letter starts editing it
    tov = echo_times(p, count)
    # A 10 000-character paste, bracketed as a terminal sends it.
    paste = ("Borgeren i centrum æøå " * 500)[:9990] + "SLUTMARKR"
    p.drain()
    t0 = time.perf_counter()
    p.write(b"\x1b[200~" + paste.encode() + b"\x1b[201~")
    t1 = p.read_until(b"SLUTMARKR", timeout=30)
    p.close()

    nano_times = []
    if shutil.which("nano"):
        empty = os.path.join(work, "empty.txt")
        open(empty, "w").close()
        n = Pty([shutil.which("nano"), "--ignorercfiles", empty], work)
        n.read_until(b"Help")
        n.drain()
        nano_times = echo_times(n, count)
        n.close()

    print(f"keystroke -> echo at 80x24, {count} keystrokes each:")
    figures("tovholder (worksheet field)", tov)
    if nano_times:
        figures("nano (empty file)", nano_times)
    print(f"10 000-character paste -> last character on screen: {(t1 - t0) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
