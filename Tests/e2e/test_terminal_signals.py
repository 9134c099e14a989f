"""Signals, a terminal that goes away, and raw key spellings: the real binary in tmux.

The app reads and decodes input bytes itself (KeyDecoder), so what TERM's terminfo entry
lists does not matter, and it ends cleanly on SIGTERM, SIGHUP, SIGINT or a hang-up."""
import os
import signal
import time

import pytest

from conftest import BIN, sql

FILE = "udviklingsdag.tovholder"


def open_day(term, workdir, env=None):
    t = term(80, 24).start(env=env)
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def position(path):
    return sql(path, "SELECT item_index + step FROM position")


def cpu_ticks(pid):
    """utime + stime of a process, or None when it is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[11]) + int(fields[12])


def wait_gone(pid, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cpu_ticks(pid) is None:
            return True
        time.sleep(0.05)
    return False


def bracketed_paste_on(t):
    """Pastes through tmux as an application would get it: tmux adds ESC[200~ … ESC[201~ only
    while the pane asked for bracketed paste. After the app, the shell's terminal echoes it."""
    t.tmux("set-buffer", "-b", "probe", "PROBE")
    t.tmux("paste-buffer", "-p", "-b", "probe")
    t.wait_for("PROBE", timeout=3)
    return "200~" in t.screen()


def test_sigterm_ends_cleanly_and_gives_the_terminal_back(term, workdir):
    t, path = open_day(term, workdir)
    t.send("Right")
    t.wait_until(lambda: position(path) == "1", what="moved")
    pid = t.app_pid()
    assert pid
    os.kill(pid, signal.SIGTERM)
    t.wait_for("EXITED=0", timeout=5)
    assert wait_gone(pid, 3)
    assert t.tmux("display-message", "-p", "#{alternate_on}").stdout.strip() == "0", "screen given back"
    assert not bracketed_paste_on(t), "bracketed paste is off after exit"
    assert position(path) == "1" and sql(path, "PRAGMA integrity_check") == "ok"


def test_bracketed_paste_is_on_while_running(term, workdir):
    """The other side of the check above: the probe does see bracketed paste when it is on."""
    t = term(80, 24)
    t.tmux("new-session", "-d", "-x", "80", "-y", "24", "sh", "-c",
           "printf '\\033[?2004h'; stty -icanon; sleep 600")
    time.sleep(0.3)
    assert bracketed_paste_on(t)


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGINT])
def test_sighup_and_sigint_end_cleanly(term, workdir, sig):
    t, path = open_day(term, workdir)
    pid = t.app_pid()
    os.kill(pid, sig)
    t.wait_for("EXITED=0", timeout=5)
    assert wait_gone(pid, 3)
    assert not bracketed_paste_on(t)
    assert sql(path, "PRAGMA integrity_check") == "ok"


def test_a_closed_terminal_ends_it_even_with_sighup_ignored(term, workdir):
    t = term(80, 24)
    command = (f"cd {workdir!r} && trap '' HUP; exec env -u LINES -u COLUMNS LANG=C.UTF-8 "
               f"TERM=xterm-256color TZ=UTC {BIN!r}")
    t.tmux("new-session", "-d", "-x", "80", "-y", "24", "sh", "-c", command)
    t.resize(80, 24)
    t.wait_for("Afslut")
    path = os.path.join(workdir, FILE)
    t.send("Right")
    t.wait_until(lambda: position(path) == "1", what="moved")
    pid = t.pane_pid()  # exec: the pane's process is tovholder itself
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        assert os.path.basename(BIN).encode() in f.read()
    with open(f"/proc/{pid}/status") as f:
        caught = next(int(l.split()[1], 16) for l in f if l.startswith("SigCgt:"))
    assert caught & (1 << (signal.SIGHUP - 1)), "SIGHUP is caught although it was inherited as ignored"
    before = cpu_ticks(pid)
    t.kill()  # tmux kill-server: the pane's terminal is closed under it
    gone = wait_gone(pid, 3)
    after = cpu_ticks(pid)
    assert gone, f"still running 3 s after its terminal closed (cpu ticks {before} → {after})"
    assert position(path) == "1" and sql(path, "PRAGMA integrity_check") == "ok"


# Spellings that are not "next" or "previous" on the item screen, among them some that once
# leaked letters (ESC [ 0 n gave Esc, '[', '0', 'n' = next).
HARMLESS = [
    "\x1b[4~",       # End: tmux, PuTTY, VT220
    "\x1b[1~",       # Home
    "\x1b[2~",       # Insert
    "\x1b[3~",       # Delete
    "\x1b[8~",       # rxvt End
    "\x1b[F", "\x1bOF", "\x1b[H",
    "\x1b[1;5A",     # Ctrl-Up
    "\x1b[99~",      # unknown
    "\x1b[0n",       # a status report ending in 'n'
    "\x1b[?1;2c",    # device attributes
    "\x1b[I", "\x1b[O",  # focus
    "\x1b[<0;3;4M", "\x1b[<0;3;4m",  # SGR mouse
    "\x1b[M !!",     # X10 mouse
    "\x1b[1;2p",     # unknown, ending in 'p'
]


def test_raw_spellings_with_xterm_256color_never_move_the_day(term, workdir):
    t, path = open_day(term, workdir, env={"TERM": "xterm-256color"})
    t.send("Right")
    t.wait_until(lambda: position(path) == "1", what="moved")
    start = t.screen()
    for seq in HARMLESS:
        t.type(seq)
        time.sleep(0.05)
    time.sleep(0.5)
    assert position(path) == "1", "a key sequence moved the day"
    assert t.app_pid() is not None, "still running"
    assert "Afslut" in t.screen()
    assert t.screen().splitlines()[1:5] == start.splitlines()[1:5], "still the same item"
    # Recognised spellings do their job: VT220 PgDn/PgUp, application-mode arrows.
    t.type("\x1b[6~")
    t.wait_until(lambda: position(path) == "2", what="PgDn as ESC [ 6 ~")
    t.type("\x1b[5~")
    t.wait_until(lambda: position(path) == "1", what="PgUp as ESC [ 5 ~")
    t.type("\x1bOC")
    t.wait_until(lambda: position(path) == "2", what="Right as ESC O C")
    t.type("\x1b[D")
    t.wait_until(lambda: position(path) == "1", what="Left as ESC [ D")


def test_latin1_input_is_reported_once(term, workdir):
    t, path = open_day(term, workdir)
    t.send("-H", "f8")  # 'ø' from a PuTTY set to Latin-1
    t.wait_for("Latin-1", timeout=5)
    assert t.app_pid() is not None
