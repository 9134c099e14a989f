#!/usr/bin/env python3
"""`tovholder serve` (the built-in SSH server) against OpenSSH's own sshd, over loopback, with
real ssh clients driven from pseudo-terminals (80x24). One session, a facilitator terminal
(`tovholder FILE`) and a projector (`tovholder projector FILE`) run throughout; groups join
as gruppe1..gruppe4 in turn, with their codes from the session's `ssh_codes` (SSH_ASKPASS).
Prints figures; asserts nothing.

1. Connect -> first frame: from starting `ssh` until the participant's key bar ("Afslut")
   has arrived, for serve and for a private sshd (key auth, ForceCommand `tovholder join
   FILE --group "Gruppe 1"`) in turns in the same run; median and p90 of each.
2. Idle CPU with 10, 50 and 100 connected terminals over SECONDS: serve, its views
   (`tovholder join` in a pty each), the facilitator and the projector, from
   /proc/PID/stat (user + system) as % of one core, in all and per connected terminal;
   the ssh clients as a figure of their own.
3. Edit -> visible with the fewest and the most terminals (10 and 100): a group 1
   participant pastes a word into its first goal; the time until the word is on every
   other group 1 terminal (their worksheet shows it) and on the facilitator's plenum (`o`).
   Other groups' worksheets do not show group 1's text, so a second figure puts every
   participant into the plenum (F5) as Benchmarks/live.py does. p50/p99 of each.
4. Memory per connected terminal: PSS (/proc/PID/smaps_rollup) of the views and of serve
   divided over its connections; the same for sshd's processes per connection (a monitor,
   for another account than root also an unprivileged process and the shell running the
   ForceCommand) and its listener, with the fewest and the most terminals (its idle CPU too).
Along the way it says when something is off: a connection without a first frame, a view
left unreaped under serve (a zombie), a view without inotify (polling instead).

Needs root and openssh-server/-client (as Tests/e2e/test_ssh.py). Takes about ten minutes
with the defaults; for a short try: `python3 Benchmarks/serve.py 10 10 5`.

    python3 Benchmarks/serve.py [seconds idle, 60] [terminal counts, 10,50,100] [rounds, 20]

The binary is $TOVHOLDER_BIN, else /tmp/tov-bin/tovholder, else .build/release/tovholder.
sshd logs in as root unless $SSHD_USER names another account with a shell (for root, sshd
keeps no unprivileged process after the login; for any other account it does).
"""
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
BIN = os.environ.get("TOVHOLDER_BIN") or next(
    (p for p in ("/tmp/tov-bin/tovholder", os.path.join(ROOT, ".build", "release", "tovholder"))
     if os.path.exists(p)), "/tmp/tov-bin/tovholder")
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
    proc = subprocess.Popen([BIN, "serve", session, "--port", "0", "--listen", "127.0.0.1"],
                            stdout=log, stderr=subprocess.STDOUT, env=ENV, cwd=work,
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


def serve_client(port, user, askpass):
    argv = [SSH, *SSH_OPTIONS, "-p", str(port), "-o", "PreferredAuthentications=password",
            "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1", f"{user}@127.0.0.1"]
    return argv, dict(ENV, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force")


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

def first_frames(rounds, serve, serve_port, askpass, sshd, sshd_port, key):
    """Connections one at a time, the servers in turns; each closed (and its processes gone)
    before the next."""
    kinds = {
        "serve": ("tovholder serve", serve, lambda: serve_client(serve_port, "gruppe1", askpass["gruppe1"])),
        "sshd": ("sshd + ForceCommand join", sshd, lambda: sshd_client(sshd_port, key)),
        # serve's SSH library offers no post-quantum key exchange, so ssh falls back to
        # curve25519 there; sshd's default is sntrup761x25519. The same exchange as serve's:
        "sshd-x25519": ("  the same, kex curve25519-sha256", sshd,
                        lambda: sshd_client(sshd_port, key, ["-o", "KexAlgorithms=curve25519-sha256"])),
    }
    times = {name: [] for name in kinds}
    odd = []
    order = list(kinds)
    for r in range(rounds):
        for name in order[r % len(order):] + order[:r % len(order)]:
            _, server, client = kinds[name]
            argv, env = client()
            t = start(argv, env, label=f"{name} round {r + 1}")
            t.watch(b"Afslut")
            HUB.wait(lambda: t.got or not t.alive, 30)
            if t.got:
                times[name].append((t.got - t.started) * 1000)
                if "Deltager" not in screen_text(t.tail) or "Gruppe 1" not in screen_text(t.tail):
                    odd.append(f"{name} round {r + 1}: no 'Deltager' and 'Gruppe 1' in the first frame")
            else:
                odd.append(f"{name} round {r + 1}: no first frame: {screen_text(t.tail)[-300:]!r}")
            t.close()
            if not wait_for_processes(server.pid, 0):
                odd.append(f"{name} round {r + 1}: its processes had not ended 15 s after ssh did")
    print(f"1. connect -> first frame over loopback (ssh started -> key bar drawn), {rounds} rounds each"
          f" (sshd: {SSHD_USER}'s login):")
    for name, (label, _, _) in kinds.items():
        xs = times[name]
        if xs:
            print(f"  {label:34} median {statistics.median(xs):6.1f} ms, p90 {percentile(xs, 0.9):6.1f} ms,"
                  f" min {min(xs):6.1f}, max {max(xs):6.1f} ms ({len(xs)} connections)")
        else:
            print(f"  {label:34} no connection drew its first frame")
    for line in odd:
        print(f"  ! {line}")
    left = zombies(serve.pid)
    if left:
        print(f"  ! {left} views that ended when their ssh client closed are still unreaped (zombies) under serve")


# ---- 2. + 4. Idle CPU and memory -----------------------------------------------------------------

def idle(kind, server, local, clients, seconds):
    """CPU over `seconds` and PSS now of everything under `server`, of the local terminals
    (facilitator, projector) and of the ssh clients. Returns a dict of figures."""
    HUB.run(5)  # start-up and the other terminals' reloads settle
    before = process_table()
    under = descendants(before, server.pid)
    views = [p for p in under if before[p][1].startswith("tovholder")]
    helpers = [p for p in under if p not in views]  # sshd's per-connection processes (and shells)
    pss = {"server": pss_kb(server.pid), "views": [pss_kb(p) for p in views], "helpers": [], "by_name": {}}
    for p in helpers:
        kb = pss_kb(p)
        pss["helpers"].append(kb)
        pss["by_name"].setdefault(before[p][1], []).append(kb)
    polling = sum(1 for p in views if not has_inotify(p))
    t0 = time.perf_counter()
    HUB.run(seconds)
    elapsed = time.perf_counter() - t0
    after = process_table()

    def share(pids):
        return 100 * cpu_used(before, after, pids) / elapsed

    lost = sum(1 for p in [server.pid] + views + helpers if p not in after)
    dead = sum(1 for p in descendants(after, server.pid, zombies=True) if after[p][4] == "Z")
    return {
        "kind": kind, "n": len(clients), "elapsed": elapsed, "lost": lost, "zombies": dead, "polling": polling,
        "server": share([server.pid]), "views": share(views), "helpers": share(helpers),
        "local": share([t.pid for t in local]), "ssh": share([t.pid for t in clients]),
        "nviews": len(views), "nhelpers": len(helpers), "pss": pss,
    }


def print_cpu(f):
    n = max(1, f["n"])
    tov = f["server"] + f["views"] + f["local"]
    helpers = f", {f['nhelpers']} other processes under sshd" if f["nhelpers"] else ""
    print(f"  {f['n']:3} connected ({f['nviews']} views{helpers}), idle {f['elapsed']:.0f} s:")
    if f["kind"] == "serve":
        print(f"      serve {f['server']:6.2f} %   views {f['views']:6.2f} %   facilitator + projector "
              f"{f['local']:5.2f} %")
        print(f"      Tovholder in all {tov:6.2f} % of one core = {tov / n:.3f} % per connected terminal"
              f" (serve + views alone: {(f['server'] + f['views']) / n:.3f} %)")
    else:
        print(f"      sshd listener {f['server']:5.2f} %   sshd's per-connection processes {f['helpers']:6.2f} %   "
              f"views {f['views']:6.2f} %   facilitator + projector {f['local']:5.2f} %")
        total = tov + f["helpers"]
        print(f"      in all {total:6.2f} % of one core = {total / n:.3f} % per connected terminal"
              f" (sshd + views alone: {(f['server'] + f['helpers'] + f['views']) / n:.3f} %)")
    print(f"      ssh clients {f['ssh']:6.2f} % of one core = {f['ssh'] / n:.3f} % per client")
    if f["lost"]:
        print(f"      ! {f['lost']} of the measured server processes ended during the measurement")
    if f["polling"]:
        print(f"      ! {f['polling']} views had no inotify instance (they poll; fs.inotify.max_user_instances "
              f"{open('/proc/sys/fs/inotify/max_user_instances').read().strip()})")
    if f["zombies"]:
        print(f"      ! and {f['zombies']} ended views not reaped (zombies) under {f['kind']}")


def print_pss(f):
    n = max(1, f["n"])
    p = f["pss"]
    view = statistics.mean(p["views"]) / 1024 if p["views"] else 0
    server = p["server"] / 1024 / n
    if f["kind"] == "serve":
        print(f"  {f['n']:3} connected: view {view:5.1f} MiB each (min {min(p['views'], default=0) / 1024:.1f},"
              f" max {max(p['views'], default=0) / 1024:.1f}); serve {p['server'] / 1024:5.1f} MiB"
              f" = {server:5.2f} MiB per connection; per terminal in all {view + server:5.1f} MiB")
    else:
        helper = sum(p["helpers"]) / 1024 / n
        kinds = ", ".join(f"{len(v) / n:.0f} {k} of {statistics.mean(v) / 1024:.2f}"
                          for k, v in sorted(p["by_name"].items()))
        print(f"  {f['n']:3} connected: view {view:5.1f} MiB each; sshd's own per connection "
              f"{helper:5.2f} MiB ({kinds} MiB)"
              f" + listener {p['server'] / 1024:.1f} MiB / {n} = {server:5.2f} MiB;"
              f" per terminal in all {view + helper + server:5.1f} MiB")
        if f["nhelpers"] <= f["n"] and SSHD_USER == "root":
            print("      (a root login: sshd skips its unprivileged post-auth process for root, so another"
                  " user's login has one sshd process more per connection)")


# ---- 3. Edit -> visible ---------------------------------------------------------------------

def marker(r):
    # Every letter differs from the last round's: even a terminal that never drew the erased
    # field gets the whole word (ncurses sends only the cells that changed).
    return "".join(chr(65 + (r + 7 * i) % 26) for i in range(6)).encode()


def switch(terminals, key, word, timeout=20):
    for t in terminals:
        t.watch(word)
        t.write(key)
    HUB.wait(lambda: all(t.got for t in terminals), timeout)
    return [t for t in terminals if not t.got]


def edit_visible(facilitator, clients, rounds, everyone):
    """Writer: the first group 1 terminal. Watchers: the other group 1 terminals (worksheet)
    and the facilitator's plenum; with `everyone`, every participant is in the plenum."""
    group1 = [t for t in clients if t.label.startswith("gruppe1 ")]
    writer, watchers = group1[0], group1[1:] + [facilitator]
    problems = []
    if switch([facilitator], b"o", b"plenum"):
        problems.append("the facilitator's plenum did not open")
    plenum = []
    if everyone:
        plenum = [t for t in clients if t is not writer]
        stuck = switch(plenum, F5, b"plenum")
        if stuck:
            problems.append(f"{len(stuck)} participants did not open the plenum")
        watchers = plenum + [facilitator]
    HUB.run(1.0)
    latencies, missed = [], 0
    for r in range(rounds):
        word = marker(r)
        for w in watchers:
            w.watch(word)
        t0 = time.perf_counter()
        writer.write(b"\x1b[200~" + word + b"\x1b[201~")  # pasted at once, as live.py does
        HUB.wait(lambda: all(w.got for w in watchers), 5)
        for w in watchers:
            if w.got:
                latencies.append((w.got - t0) * 1000)
            else:
                missed += 1
        writer.write(b"\x7f" * len(word))  # erased again before the next word
        HUB.run(0.3)
    for w in watchers:
        w.want = None
    if plenum:
        switch(plenum, F5, b"Arbejdsark")
    if switch([facilitator], b"\x1b", b"Velkommen"):  # back to the item
        problems.append("the facilitator did not go back to the item")
    HUB.run(1.0)
    return latencies, missed, len(watchers), problems


def print_edit(n, what, result):
    xs, missed, watchers, problems = result
    label = f"  {n:3} connected, {what}:"
    if not xs:
        print(f"{label} no observations ({missed} missed)")
    else:
        print(f"{label} {watchers} watchers, {len(xs)} observations, p50 {statistics.median(xs):6.1f} ms, "
              f"p99 {percentile(xs, 0.99):6.1f} ms, max {max(xs):6.1f} ms"
              + (f", {missed} not seen within 5 s" if missed else ""))
    for p in problems:
        print(f"      ! {p}")


# ---- Main -----------------------------------------------------------------------------------

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


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    counts = sorted(int(c) for c in sys.argv[2].split(",")) if len(sys.argv) > 2 else [10, 50, 100]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4096:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard), hard))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    # Processes whose parent ends (serve's views when serve stops) become this script's, not
    # init's, so `cleanup` can see them off.
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    work = tempfile.mkdtemp(prefix="tov-serve-")
    session = os.path.join(work, "dag.tovholder")
    try:
        print(f"binary {BIN}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
        serve, serve_port, codes = start_serve(work, session)
        askpass = {}
        for user, code in codes.items():
            askpass[user] = os.path.join(work, f"askpass-{user}")
            with open(askpass[user], "w") as f:
                f.write(f"#!/bin/sh\necho {code}\n")
            os.chmod(askpass[user], 0o700)
        sshd, sshd_port, key = start_sshd(work, session)
        facilitator = start([BIN, session], rows=30, cols=120, cwd=work, label="facilitator")
        projector = start([BIN, "projector", session], rows=45, cols=160, cwd=work, label="projector")
        facilitator.watch(b"Afslut")
        if not HUB.wait(lambda: facilitator.got, 30):
            raise RuntimeError(f"the facilitator's terminal did not start: {screen_text(facilitator.tail)!r}")
        local = [facilitator, projector]
        HUB.run(2)

        first_frames(rounds, serve, serve_port, askpass, sshd, sshd_port, key)
        print()

        # serve: 10, then 50, then 100 terminals, the groups in turn.
        clients, figures, edits = [], [], []
        for n in counts:
            wanted = [(*serve_client(serve_port, f"gruppe{i % GROUPS + 1}", askpass[f"gruppe{i % GROUPS + 1}"]),
                       f"gruppe{i % GROUPS + 1} #{i + 1}") for i in range(len(clients), n)]
            t0 = time.perf_counter()
            clients += connect(wanted)
            connected = time.perf_counter() - t0
            figures.append(idle("serve", serve, local, clients, seconds))
            figures[-1]["connect"] = (len(wanted), connected)
            if n in (counts[0], counts[-1]):
                edits.append((len(clients), "group 1's worksheets + facilitator's plenum",
                              edit_visible(facilitator, clients, rounds, everyone=False)))
                edits.append((len(clients), "everyone in the plenum (as live.py)",
                              edit_visible(facilitator, clients, rounds, everyone=True)))
        for t in clients:
            t.close()
        wait_for_processes(serve.pid, 0, timeout=30)
        unreaped = zombies(serve.pid)

        # sshd: the fewest and the most terminals, for its memory (and CPU) per connection.
        sshd_figures, sshd_clients = [], []
        for n in sorted({counts[0], counts[-1]}):
            wanted = [(*sshd_client(sshd_port, key), f"sshd #{i + 1}") for i in range(len(sshd_clients), n)]
            sshd_clients += connect(wanted)
            sshd_figures.append(idle("sshd", sshd, local, sshd_clients, seconds))
        for t in sshd_clients:
            t.close()

        print(f"2. idle CPU with N terminals connected over ssh (% of one core; facilitator and projector "
              f"running too):")
        print("  tovholder serve:")
        for f in figures:
            print_cpu(f)
            print(f"      (connecting the {f['connect'][0]} new terminals, {BATCH} at a time, took "
                  f"{f['connect'][1]:.1f} s)")
        if unreaped:
            print(f"  ! after all {len(clients)} ssh clients closed, {unreaped} ended views under serve were "
                  f"never reaped (zombies; {rounds} of them from part 1)")
        print("  for comparison, OpenSSH sshd + ForceCommand join:")
        for f in sshd_figures:
            print_cpu(f)
        print()
        print("3. edit -> visible (a group 1 participant pastes a word into its first goal):")
        for n, what, result in edits:
            print_edit(n, what, result)
        print()
        print("4. memory (PSS) per connected terminal:")
        print("  tovholder serve:")
        for f in figures:
            print_pss(f)
        print("  OpenSSH sshd + ForceCommand join:")
        for f in sshd_figures:
            print_pss(f)
    finally:
        cleanup()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
