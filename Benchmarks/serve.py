#!/usr/bin/env python3
"""`tovholder serve` (the built-in SSH server) against OpenSSH's own sshd, over loopback, with
real ssh clients driven from pseudo-terminals (80x24). One session, a facilitator terminal
(`tovholder FILE`) and a projector (`tovholder projector FILE`) run throughout; groups join
as gruppe1..gruppe4 in turn, with their codes from the session's `ssh_codes` (SSH_ASKPASS).
Prints figures; asserts nothing.

1. Connect -> first frame: from starting the client until the participant's key bar
   ("Afslut") has arrived, for serve and for a private sshd (key auth, ForceCommand
   `tovholder join FILE --group "Gruppe 1"`) in turns in the same run; median and p90 of
   each. Against serve, each client kind: OpenSSH with its defaults, OpenSSH offering only
   aes128-ctr + hmac-sha2-256 (an old Windows ssh), PuTTY's plink and dropbear's dbclient
   with their defaults, and paramiko (Tests/e2e/pyssh.py; its figure includes starting Python).
2. Idle CPU with 10, 50 and 100 connected terminals over SECONDS: serve, its views
   (`tovholder join` in a pty each), the facilitator and the projector, from
   /proc/PID/stat (user + system) as % of one core, in all and per connected terminal;
   the ssh clients as a figure of their own.
3. Edit -> visible with the fewest and the most terminals (10 and 100): a group 1
   participant pastes a word into its first goal; the time until the word is on every
   other group 1 terminal (their worksheet shows it) and on the facilitator's plenum (`o`).
   Other groups' worksheets do not show group 1's text, so a second figure puts every
   participant into the plenum (F5) as Benchmarks/live.py does. p50/p99 of each.
5. Throughput through each cipher serve offers: OpenSSH forced with -c (and -m for the CTR
   ciphers) pastes 100 kB, bracketed as a terminal sends it, into a new mechanism of group
   1; from the paste's first byte until the view has taken all of it: a field keeps 20 000
   characters, so the view then draws its notice that the paste was cut ("afkortet"), and
   the first 20 000 are saved. Seconds and kB/s, the median of three pastes each.
4. Memory per connected terminal: PSS (/proc/PID/smaps_rollup) of the views and of serve
   divided over its connections; the same for sshd's processes per connection (a monitor,
   for another account than root also an unprivileged process and the shell running the
   ForceCommand) and its listener, with the fewest and the most terminals (its idle CPU too).
Along the way it says when something is off: a connection without a first frame, a view
left unreaped under serve (a zombie), a view without inotify (polling instead).

Needs root and openssh-server/-client (as Tests/e2e/test_ssh.py). Takes about ten minutes
with the defaults; for a short try: `python3 Benchmarks/serve.py 10 10 5`.

    python3 Benchmarks/serve.py [seconds idle, 60] [terminal counts, 10,50,100] [rounds, 20] [parts, 1,2,3,4,5]

Only the connect and cipher figures (a few minutes): `python3 Benchmarks/serve.py 0 1 10 1,5`.

The binary is $TOVHOLDER_BIN, else .build/release/tovholder.
sshd logs in as root unless $SSHD_USER names another account with a shell (for root, sshd
keeps no unprivileged process after the login; for any other account it does).
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from serve_processes import *  # noqa: E402,F401,F403 (the processes, the hub, /proc)


def first_frames(rounds, serve, serve_port, askpass, codes, fingerprint, work, sshd, sshd_port, key):
    """Connections one at a time, the servers and clients in turns; each closed (and its
    processes gone) before the next."""
    code = codes["gruppe1"]
    kinds = {
        "serve": ("tovholder serve, OpenSSH ssh", serve, lambda: serve_client(serve_port, "gruppe1", askpass["gruppe1"])),
        "serve-ctr": ("  OpenSSH, aes128-ctr + hmac-sha2-256", serve,
                      lambda: serve_client(serve_port, "gruppe1", askpass["gruppe1"],
                                           ["-o", "Ciphers=aes128-ctr", "-o", "MACs=hmac-sha2-256"])),
        "plink": ("  PuTTY plink", serve, lambda: plink_client(serve_port, "gruppe1", code, fingerprint, work)),
        "dbclient": ("  dropbear dbclient", serve, lambda: dbclient_client(serve_port, "gruppe1", code, work)),
        "paramiko": ("  paramiko (with Python's start)", serve, lambda: paramiko_client(serve_port, "gruppe1", code)),
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
    print(f"1. connect -> first frame over loopback (client started -> key bar drawn), {rounds} rounds each"
          f" (sshd: {SSHD_USER}'s login):")
    for name, (label, _, _) in kinds.items():
        xs = times[name]
        if xs:
            print(f"  {label:38} median {statistics.median(xs):6.1f} ms, p90 {percentile(xs, 0.9):6.1f} ms,"
                  f" min {min(xs):6.1f}, max {max(xs):6.1f} ms ({len(xs)} connections)")
        else:
            print(f"  {label:38} no connection drew its first frame")
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


# ---- 5. Throughput per cipher ---------------------------------------------------------------

CIPHERS = [("aes128-gcm@openssh.com", None), ("aes256-gcm@openssh.com", None)] + [
    (cipher, mac) for cipher in ("aes128-ctr", "aes256-ctr")
    for mac in ("hmac-sha2-256", "hmac-sha2-512", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com")]
PASTE_BYTES = 100_000
DOWN, F3 = b"\x1bOB", b"\x1bOR"


def saved_lengths(session):
    db = sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=5)
    try:
        return [n for (n,) in db.execute("SELECT length(text) FROM entries WHERE group_id = 1")]
    except sqlite3.Error:
        return []
    finally:
        db.close()


def throughput(serve_port, askpass, session, repeats=3):
    print(f"5. a {PASTE_BYTES // 1000} kB bracketed paste through each cipher (OpenSSH -c/-m; paste -> the view has "
          f"taken all of it), median of {repeats}:")
    body = ("Borgeren i centrum og tillid i opgaven " * (PASTE_BYTES // 38 + 1))[:PASTE_BYTES].encode()
    for cipher, mac in CIPHERS:
        extra = ["-c", cipher] + (["-m", mac] if mac else [])
        label = cipher + (f" + {mac}" if mac else "")
        argv, env = serve_client(serve_port, "gruppe1", askpass["gruppe1"], extra)
        t = start(argv, env, label=label)
        t.watch(b"Afslut")
        if not HUB.wait(lambda: t.got or not t.alive, 30) or not t.got:
            print(f"  {label:46} ! no first frame: {screen_text(t.tail)[-200:]!r}")
            t.close()
            continue
        times, odd = [], []
        before = saved_lengths(session).count(20000)
        t.write(DOWN)  # from the goal to the mechanisms
        for r in range(repeats):
            t.write(F3)  # a mechanism of its own for each paste (and the last notice gone)
            HUB.run(0.5)
            t.watch(b"afkortet")
            t0 = time.perf_counter()
            t.write(b"\x1b[200~" + body + b"\x1b[201~")
            if HUB.wait(lambda: t.got or not t.alive, 60) and t.got:
                times.append(t.got - t0)
            else:
                odd.append(f"paste {r + 1}: no notice within 60 s: {screen_text(t.tail)[-200:]!r}")
        HUB.run(1.0)
        if saved_lengths(session).count(20000) - before != len(times):
            odd.append(f"not every paste saved as 20 000 characters: group 1's texts are {saved_lengths(session)} long")
        t.close()
        if times:
            took = statistics.median(times)
            print(f"  {label:46} {took:6.3f} s  {PASTE_BYTES / 1000 / took:8.0f} kB/s"
                  f"  (min {min(times):.3f}, max {max(times):.3f} s)")
        else:
            print(f"  {label:46} ! no paste was taken")
        for line in odd:
            print(f"      ! {line}")


# ---- Main -----------------------------------------------------------------------------------

def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    counts = sorted(int(c) for c in sys.argv[2].split(",")) if len(sys.argv) > 2 else [10, 50, 100]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    parts = {int(p) for p in sys.argv[4].split(",")} if len(sys.argv) > 4 else {1, 2, 3, 4, 5}
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

        if 1 in parts:
            first_frames(rounds, serve, serve_port, askpass, codes, serve_fingerprint(session), work, sshd, sshd_port,
                         key)
            print()
        if 5 in parts:
            throughput(serve_port, askpass, session)
            print()
        if not parts & {2, 3, 4}:
            return

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
