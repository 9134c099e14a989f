#!/usr/bin/env python3
"""Start -> first frame in a pseudo-terminal at 80x24, tovholder against nano in the same
run (the machines are shared and noisy, so only the ratio means much), and resident memory
after opening the reference day. Prints figures; asserts nothing.

    python3 Benchmarks/startup.py [runs]
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


def first_frame(argv, marker, cwd, keep=False):
    """Seconds from fork to the marker (the last row of the first frame) on the pty."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(cwd)
        os.execve(argv[0], argv, ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = None
    while elapsed is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if marker in seen:
            elapsed = time.perf_counter() - t0
    rss = None
    if keep:
        time.sleep(0.3)
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, rss


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    nano = shutil.which("nano")
    work = tempfile.mkdtemp()
    empty = os.path.join(work, "empty.txt")
    open(empty, "w").close()
    session = os.path.join(work, "udviklingsdag.tovholder")
    first_frame([BIN, session], b"Afslut", work)  # creates the session from the template
    tov, nan = [], []
    for _ in range(runs):  # interleaved, so both see the same noise
        tov.append(first_frame([BIN, session], b"Afslut", work)[0])
        if nano:
            nan.append(first_frame([nano, "--ignorercfiles", empty], b"Help", work)[0])
    new = [first_frame([BIN, os.path.join(work, f"new{i}.tovholder")], b"Afslut", work)[0] for i in range(min(10, runs))]

    def ms(xs):
        xs = [x for x in xs if x is not None]
        return statistics.median(xs) * 1000 if xs else float("nan")

    print(f"start -> first frame at 80x24, median of {runs}:")
    print(f"  tovholder (existing session)  {ms(tov):6.2f} ms")
    print(f"  tovholder (new from template) {ms(new):6.2f} ms")
    if nano:
        print(f"  nano (empty file)             {ms(nan):6.2f} ms")
        print(f"  ratio tovholder / nano        {ms(tov) / ms(nan):6.2f}x  (budget 2x, aim 1.5x)")
    _, rss = first_frame([BIN, session], b"Afslut", work, keep=True)
    print(f"resident memory after opening the reference day: {rss:.1f} MB (budget 30 MB)")


if __name__ == "__main__":
    main()
