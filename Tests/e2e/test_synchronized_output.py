"""Issue 23, point 7: terminals that know synchronized output (DEC private mode 2026) get
every frame as one update; other terminals get exactly what they got before.

The program runs in a real pseudo-terminal here, because the test must play the terminal:
answer (or not) the DECRQM question `ESC [ ? 2026 $ p`, then read every byte of the frames.
The bug this catches: frames sent bare to a terminal that could have held them (the room
sees a projector frame half drawn), or the mode sent to a terminal that never said it knows it."""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

from conftest import BIN, run_cli

QUERY = b"\x1b[?2026$p"
BEGIN, END = b"\x1b[?2026h", b"\x1b[?2026l"


class Terminal:
    def __init__(self, argv, cwd, term):
        env = dict(os.environ, TERM=term, LANG="C.UTF-8")
        env.pop("LINES", None)
        env.pop("COLUMNS", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 34, 120, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        self.seen = b""

    def read_for(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    break

    def read_until(self, marker, timeout=10):
        deadline = time.monotonic() + timeout
        while marker not in self.seen and time.monotonic() < deadline:
            self.read_for(0.05)
        assert marker in self.seen, f"{marker!r} never came; got {self.seen[-300:]!r}"

    def close(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def start(workdir, term):
    path = os.path.join(workdir, "dag.tovholder")
    if not os.path.exists(path):
        assert run_cli("new", path, cwd=workdir).returncode == 0
    return Terminal([BIN, "dag.tovholder"], workdir, term)


def test_a_terminal_that_knows_mode_2026_gets_whole_frames(workdir):
    t = start(workdir, "xterm-256color")
    try:
        t.read_until(QUERY)
        os.write(t.fd, b"\x1b[?2026;2$y")  # "known, reset": it can hold frames
        t.read_for(0.3)
        t.seen = b""
        os.write(t.fd, b"a")  # the agenda: a new frame
        t.read_until(b"Dagens program")
        t.read_for(0.5)
        frames = t.seen
        assert frames.count(BEGIN) >= 1, frames[-300:]
        assert frames.count(BEGIN) == frames.count(END) or frames.count(BEGIN) == frames.count(END) + 1
        # Every drawn byte sits between a begin and its end (the last frame may still be coming).
        outside = re.sub(rb"\x1b\[\?2026h.*?(\x1b\[\?2026l|$)", b"", frames, flags=re.S)
        assert outside == b"", f"drawn outside a synchronized update: {outside[:200]!r}"
        assert b"\x1b[?2026" not in frames.replace(BEGIN, b"").replace(END, b"")
    finally:
        t.close()


def test_a_terminal_that_does_not_know_it_gets_frames_as_before(workdir):
    for answer in (b"\x1b[?2026;0$y", None):  # "not recognized" (xterm), or no answer at all
        t = start(workdir, "xterm-256color")
        try:
            t.read_until(QUERY)
            if answer:
                os.write(t.fd, answer)
            t.read_for(0.3)
            t.seen = b""
            os.write(t.fd, b"a")
            t.read_until(b"Dagens program")
            t.read_for(0.5)
            assert b"\x1b[" in t.seen, "frames are drawn"
            assert BEGIN not in t.seen and END not in t.seen, t.seen[-300:]
        finally:
            t.close()


def test_the_linux_console_is_not_even_asked(workdir):
    t = start(workdir, "linux")
    try:
        t.read_for(2.0)
        assert b"Afslut" in t.seen or b"Velkommen" in t.seen, t.seen[-300:]
        assert QUERY not in t.seen and BEGIN not in t.seen
    finally:
        t.close()
