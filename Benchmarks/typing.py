#!/usr/bin/env python3
"""Keystroke -> echo inside a worksheet field, in a pseudo-terminal, against nano in the same
run; and a 10 000-character bracketed paste, from the paste to the last character on
screen. Prints figures; asserts nothing.

    python3 Benchmarks/typing.py [keystrokes]
"""
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("TOVHOLDER_BIN", os.path.join(ROOT, ".build", "release", "tovholder"))
ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
ENV.pop("LINES", None); ENV.pop("COLUMNS", None)


class Pty:
    def __init__(self, argv, cwd, rows=24, cols=80):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, ENV)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.seen = b""

    def read_until(self, marker, timeout=5.0):
        deadline = time.perf_counter() + timeout
        while marker not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(marker)
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                self.seen += os.read(self.fd, 65536)
        return time.perf_counter()

    def drain(self, quiet=0.2):
        while select.select([self.fd], [], [], quiet)[0]:
            self.seen += os.read(self.fd, 65536)
        self.seen = b""

    def write(self, data):
        os.write(self.fd, data)

    def close(self):
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


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
    p.write(b"\r"); p.drain()
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
