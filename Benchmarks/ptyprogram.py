"""A program in a pseudo-terminal, for the benchmarks."""
import fcntl
import os
import pty
import select
import struct
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("TOVHOLDER_BIN", os.path.join(ROOT, ".build", "release", "tovholder"))
ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
ENV.pop("LINES", None)
ENV.pop("COLUMNS", None)


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


