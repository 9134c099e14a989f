"""The processes of Benchmarks/serve.py: tovholder serve and a private OpenSSH sshd, ssh
clients in pseudo-terminals read by one poll loop (`Hub`), and the process table from
/proc (CPU, PSS, zombies, inotify). Everything started is registered, so `cleanup` ends it."""
import ctypes
import fcntl
import os
import pty
import re
import resource
import select
import shutil
import signal
import socket
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("TOVHOLDER_BIN") or os.path.join(ROOT, ".build", "release", "tovholder")
SSH = shutil.which("ssh") or "/usr/bin/ssh"
SSHD = "/usr/sbin/sshd"
# sshd's login. For root, sshd runs no unprivileged process after the login; another
# account with a shell (SSHD_USER=name) shows what a group account costs; its login goes
# through PAM (Debian's default: useradd leaves a password-less account locked otherwise).
SSHD_USER = os.environ.get("SSHD_USER", "root")
TICKS = os.sysconf("SC_CLK_TCK")
ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
for name in ("LINES", "COLUMNS", "DISPLAY", "SSH_AUTH_SOCK"):
    ENV.pop(name, None)
# A binary outside the checkout finds no templates beside it; serve creates the session from one.
ENV.setdefault("TOVHOLDER_TEMPLATES", os.path.join(ROOT, "sessions"))
SSH_OPTIONS = ["-tt", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
               "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=20"]
GROUPS = 4
BATCH = 10
F5 = b"\x1b[15~"
# The facilitator and the projector are started by the script, and so is everything else:
# every terminal, serve and sshd are ended in `cleanup`, also after an error or Ctrl-C.
TERMINALS = []
SERVERS = []  # (name, Popen)
SEEN_PIDS = {}  # pid -> start time, for everything ever under serve or sshd


# ---- Terminals -----------------------------------------------------------------------------

class Terminal:
    """A program in a pseudo-terminal whose output the Hub reads (a terminal nobody reads
    would block the program). Remembers the tail of what it drew and when a watched word
    arrived."""

    def __init__(self, argv, env=ENV, rows=24, cols=80, cwd=None, label=""):
        self.label = label
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.set_inheritable(self.fd, False)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.tail = b""
        self.alive = True
        self.want, self.got = None, None
        TERMINALS.append(self)

    def watch(self, word):
        """From now on: the time `word` is first drawn lands in `got`."""
        self.want, self.got, self.tail = word, None, b""

    def feed(self, data, now):
        self.tail = (self.tail + data)[-65536:]
        if self.want is not None and self.got is None and self.want in self.tail:
            self.got = now

    def write(self, data):
        os.write(self.fd, data)

    def close(self, sig=signal.SIGTERM):
        if self.pid:
            try:
                os.kill(self.pid, sig)
                for _ in range(100):
                    if os.waitpid(self.pid, os.WNOHANG)[0]:
                        break
                    time.sleep(0.02)
                else:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = None
        if self.fd is not None:
            HUB.forget(self)
            os.close(self.fd)
            self.fd = None
        self.alive = False


class Hub:
    """Reads every terminal's output (poll: more than 1024 descriptors are possible)."""

    def __init__(self):
        self.poller = select.poll()
        self.by_fd = {}

    def add(self, t):
        self.by_fd[t.fd] = t
        self.poller.register(t.fd, select.POLLIN)

    def forget(self, t):
        if self.by_fd.pop(t.fd, None) is not None:
            self.poller.unregister(t.fd)

    def pump(self, timeout):
        for fd, _ in self.poller.poll(max(0, timeout) * 1000):
            t = self.by_fd.get(fd)
            if t is None:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:  # the program ended (EIO once the other side has closed)
                t.alive = False
                self.forget(t)
                continue
            t.feed(data, time.perf_counter())

    def run(self, seconds):
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self.pump(min(left, 0.5))

    def wait(self, done, timeout):
        end = time.perf_counter() + timeout
        while not done() and (left := end - time.perf_counter()) > 0:
            self.pump(min(left, 0.2))
        return done()


HUB = Hub()


def start(argv, env=ENV, rows=24, cols=80, cwd=None, label=""):
    t = Terminal(argv, env, rows, cols, cwd, label)
    HUB.add(t)
    return t


def screen_text(data):
    """The letters of some terminal output, escape sequences left out (for a quick look)."""
    text = re.sub(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]", b" ", data)
    return re.sub(r"\s+", " ", text.decode("utf-8", "replace"))


# ---- Processes -----------------------------------------------------------------------------

def process_table():
    """pid -> (ppid, comm, cpu seconds, start time, state) for every process now."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        table[int(name)] = (int(fields[1]), comm, (int(fields[11]) + int(fields[12])) / TICKS, int(fields[19]),
                            fields[0])
    return table


def descendants(table, root, zombies=False):
    """The processes under `root`; ended ones that nobody has reaped (zombies) only if asked."""
    children = {}
    for pid, (ppid, *_rest) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out.append(pid)
        SEEN_PIDS[pid] = table[pid][3]
        todo += children.get(pid, [])
    return [p for p in out if zombies or table[p][4] != "Z"]


def zombies(root):
    table = process_table()
    return sum(1 for p in descendants(table, root, zombies=True) if table[p][4] == "Z")


def cpu_used(before, after, pids):
    """CPU seconds the processes used between two tables (the same processes in both)."""
    return sum(after[p][2] - before[p][2] for p in pids
               if p in before and p in after and before[p][3] == after[p][3])


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def has_inotify(pid):
    """Whether the process holds an inotify instance (a view without one polls the session
    every 40 ms; each user has fs.inotify.max_user_instances of them, 128 by default)."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return True
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == "anon_inode:inotify":
                return True
        except OSError:
            pass
    return False


def percentile(xs, q):
    xs = sorted(xs)
    return xs[max(0, min(len(xs) - 1, int(round(q * len(xs))) - 1))]


def wait_for_processes(root, count, timeout=15):
    """Until `root` has exactly `count` live processes under it (the views of closed
    connections have saved and quit)."""
    end = time.time() + timeout
    while time.time() < end:
        if len(descendants(process_table(), root)) == count:
            return True
        HUB.pump(0.05)
    return False


# ---- Servers -------------------------------------------------------------------------------

def start_serve(work, session):
    log = open(os.path.join(work, "serve.out"), "wb")
    # HOME: serve keeps its host key in ~/.config/tovholder; the run's own, not the caller's.
    proc = subprocess.Popen([BIN, "serve", session, "--port", "0", "--listen", "127.0.0.1"],
                            stdout=log, stderr=subprocess.STDOUT, env=dict(ENV, HOME=work), cwd=work,
                            start_new_session=True)
    SERVERS.append(("serve", proc))
    end = time.time() + 30
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"serve quit: {open(log.name, errors='replace').read()}")
        try:
            db = sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=5)
            try:
                port = db.execute("SELECT port FROM ssh_service").fetchone()
                codes = db.execute("SELECT user, code FROM ssh_codes ORDER BY group_id").fetchall()
            finally:
                db.close()
            if port and len(codes) >= GROUPS:
                return proc, port[0], dict(codes)
        except sqlite3.Error:
            pass
        time.sleep(0.1)
    raise RuntimeError("serve did not write its port and codes into the session")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_sshd(work, session):
    """A private OpenSSH on loopback, as in Tests/e2e/test_ssh.py, whose only command is the
    view of group 1 (foreground, so it is this script's child)."""
    d = os.path.join(work, "sshd")
    os.mkdir(d)
    for key in ("host", "user"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(d, key)], check=True)
    shutil.copy(os.path.join(d, "user.pub"), os.path.join(d, "authorized_keys"))
    os.chmod(os.path.join(d, "authorized_keys"), 0o600)
    if SSHD_USER != "root":
        # sshd reads the keys as that user, whose view writes the session: let it.
        os.chmod(os.path.join(d, "authorized_keys"), 0o644)
        for path in (work, d):
            os.chmod(path, 0o777)
        for name in os.listdir(work):
            if name.startswith(os.path.basename(session)) and "hostkey" not in name:
                os.chmod(os.path.join(work, name), 0o666)
    port = free_port()
    config = os.path.join(d, "sshd_config")
    with open(config, "w") as f:
        f.write(f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host\nAuthorizedKeysFile {d}/authorized_keys\n"
                f"PidFile {d}/sshd.pid\nStrictModes no\nPasswordAuthentication no\nPermitRootLogin yes\n"
                f"UsePAM {'no' if SSHD_USER == 'root' else 'yes'}\nAcceptEnv LANG LC_*\nMaxStartups 200\nMaxSessions 200\n"
                f"PrintMotd no\nPrintLastLog no\nUseDNS no\nSetEnv LANG=C.UTF-8 SHLVL=1\n"
                f"ForceCommand {BIN} join {session} --group \"Gruppe 1\"\n")
    os.makedirs("/run/sshd", exist_ok=True)
    log = open(os.path.join(d, "sshd.log"), "wb")
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", config], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    SERVERS.append(("sshd", proc))
    end = time.time() + 10
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"sshd quit: {open(log.name, errors='replace').read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port, os.path.join(d, "user")
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("sshd did not listen")


def serve_client(port, user, askpass, extra=()):
    argv = [SSH, *extra, *SSH_OPTIONS, "-p", str(port), "-o", "PreferredAuthentications=password",
            "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1", f"{user}@127.0.0.1"]
    return argv, dict(ENV, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force")


def client_home(work, name):
    """A home folder for a client's known hosts and settings (plink's ~/.putty, dbclient's ~/.ssh)."""
    home = os.path.join(work, "home-" + name)
    os.makedirs(os.path.join(home, ".ssh"), mode=0o700, exist_ok=True)
    return home


def plink_client(port, user, code, fingerprint, work):
    """PuTTY's plink with its defaults, the host key given as serve's fingerprint."""
    argv = [shutil.which("plink") or "plink", "-ssh", "-P", str(port), "-pw", code, "-hostkey", fingerprint, "-t",
            f"{user}@127.0.0.1"]
    return argv, dict(ENV, HOME=client_home(work, "plink"))


def dbclient_client(port, user, code, work):
    """Dropbear's dbclient with its defaults (-y: the unknown host key taken)."""
    argv = [shutil.which("dbclient") or "dbclient", "-p", str(port), "-y", "-t", f"{user}@127.0.0.1"]
    return argv, dict(ENV, HOME=client_home(work, "dbclient"), DROPBEAR_PASSWORD=code)


def paramiko_client(port, user, code):
    """paramiko (Tests/e2e/pyssh.py: a pty and a shell, bridged to this terminal). Its time
    includes starting Python and importing paramiko."""
    argv = [sys.executable, os.path.join(ROOT, "Tests", "e2e", "pyssh.py"), str(port), user]
    return argv, dict(ENV, TOV_CODE=code)


def serve_fingerprint(session):
    db = sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=5)
    try:
        return db.execute("SELECT fingerprint FROM ssh_service").fetchone()[0]
    finally:
        db.close()


def sshd_client(port, key, extra=()):
    argv = [SSH, *SSH_OPTIONS, *extra, "-p", str(port), "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "PreferredAuthentications=publickey", f"{SSHD_USER}@127.0.0.1"]
    return argv, ENV


def connect(clients, timeout=60):
    """Starts ssh for each (argv, env, label), BATCH at a time, each batch until every view has
    drawn its key bar. Returns the terminals that got there; reports those that did not."""
    done = []
    for i in range(0, len(clients), BATCH):
        batch = []
        for argv, env, label in clients[i:i + BATCH]:
            t = start(argv, env, label=label)
            t.watch(b"Afslut")
            batch.append(t)
        HUB.wait(lambda: all(t.got or not t.alive for t in batch), timeout)
        for t in batch:
            if t.got:
                done.append(t)
            else:
                print(f"  ! {t.label}: no first frame ({'ssh ended' if not t.alive else 'timed out'}); "
                      f"it drew: {screen_text(t.tail)[-300:]!r}")
                t.close(signal.SIGKILL)
    return done


# ---- 1. Connect -> first frame ---------------------------------------------------------------

def cleanup():
    for t in list(TERMINALS):
        t.close(signal.SIGKILL)
    for name, proc in SERVERS:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # serve: the views save and quit, then serve
    for name, proc in SERVERS:
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # sshd's per-connection processes and any view left behind.
    table = process_table()
    for pid, started in SEEN_PIDS.items():
        if pid in table and table[pid][3] == started and table[pid][4] != "Z":
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    # Orphans came to this script (a subreaper): reap them, the unreaped views of serve too.
    end = time.time() + 5
    while time.time() < end:
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                time.sleep(0.05)
        except ChildProcessError:
            break
