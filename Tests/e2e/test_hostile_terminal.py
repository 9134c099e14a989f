"""A participant's terminal cannot hurt the facilitator's machine: a 5000×5000 window and a
huge paste keep memory flat (RSS read from /proc)."""
import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time

from conftest import BIN, sql


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def drain(fd, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                return


def test_a_huge_window_and_a_huge_paste_keep_memory_flat(tmp_path):
    session = str(tmp_path / "dag.tovholder")
    subprocess.run([BIN, "new", session], check=True, capture_output=True)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 5000, 5000, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("LINES", None); env.pop("COLUMNS", None)
        os.execve(BIN, [BIN, "join", session, "--group", "1"], env)
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 5000, 5000, 0, 0))
        drain(fd, 2.0)
        start = rss_kb(pid)
        assert 0 < start < 100_000, f"RSS {start} kB at 5000×5000"
        # Resizing to the huge size again, and pasting 100 000 characters ten times.
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 4000, 4999, 0, 0))
        os.kill(pid, 28)  # SIGWINCH
        for _ in range(10):
            os.write(fd, b"\x1b[200~" + ("Ø" * 100_000).encode() + b"\x1b[201~")
            drain(fd, 0.3)
        drain(fd, 2.0)
        end = rss_kb(pid)
        print(f"RSS at 5000x5000: start {start} kB, after resizes and 1 000 000 pasted characters {end} kB")
        assert end < 120_000, f"RSS grew to {end} kB"
        longest = int(sql(session, "SELECT max(length(text)) FROM entries"))
        assert longest <= 20_000, "a field holds at most 20 000 characters"
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
