"""The README's recipe for groups' own accounts, followed literally with real accounts: a
setgid folder owned by the day's group, a facilitator and two group accounts with umask 022.
Every group's typing is saved; an account outside the group reads neither the session nor
the minutes. (The sshd part of the recipe is driven by test_ssh.py; here each group account
runs the same `tovholder join` its ForceCommand would.)"""
import os
import shutil
import subprocess
import tempfile
import time
import uuid

import pytest

from conftest import BIN, Terminal, sql

GROUP = "tov-dag"
FACILITATOR, G1, G2, OUTSIDER = "tov-fac", "tov-g1", "tov-g2", "tov-out"


def ensure_account(name, groups=()):
    if subprocess.run(["id", name], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True)
    for g in groups:
        subprocess.run(["usermod", "-aG", g, name], check=True)


@pytest.fixture
def shared_folder():
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root and runuser to make real accounts")
    subprocess.run(["groupadd", "-f", GROUP], check=True)
    for name in (FACILITATOR, G1, G2):
        ensure_account(name, [GROUP])
    ensure_account(OUTSIDER)
    base = tempfile.mkdtemp(prefix="tov-srv-")
    os.chmod(base, 0o755)
    folder = os.path.join(base, "udviklingsdag")
    os.mkdir(folder)
    shutil.chown(folder, group=GROUP)
    os.chmod(folder, 0o2775)  # sudo chmod 2775 /srv/udviklingsdag
    yield folder
    shutil.rmtree(base, ignore_errors=True)


def as_user(user, *args):
    return subprocess.run(["runuser", "-u", user, "--", "sh", "-c", "umask 022; exec \"$@\"", "sh", *args],
                          capture_output=True, text=True, timeout=20, env=dict(os.environ, LANG="C.UTF-8"))


def participant(user, session, group):
    t = Terminal(os.path.dirname(session))
    command = (f"runuser -u {user} -- sh -c 'umask 022; cd /tmp; exec env LANG=C.UTF-8 TERM=tmux-256color "
               f"{BIN} join {session} --group \"{group}\"'; echo EXITED=$?; sleep 600")
    t.tmux("new-session", "-d", "-x", "80", "-y", "24", "sh", "-c", command)
    t.resize(80, 24)
    return t


def test_the_readme_recipe_saves_every_groups_typing_and_no_one_else_reads_it(shared_folder):
    session = os.path.join(shared_folder, "udviklingsdag.tovholder")
    made = as_user(FACILITATOR, BIN, "new", session)
    assert made.returncode == 0, made.stderr
    terminals = [participant(G1, session, "Gruppe 1"), participant(G2, session, "Gruppe 2")]
    try:
        for t, text in zip(terminals, ["Borgeren først", "Færre skift"]):
            t.wait_for("Arbejdsark")
            t.type(text)
        for text in ["Borgeren først", "Færre skift"]:
            deadline = time.time() + 10
            while sql(session, f"SELECT count(*) FROM entries WHERE text = '{text}'") != "1":
                assert time.time() < deadline, f"{text!r} not saved; screen:\n{terminals[0].screen()}"
                time.sleep(0.1)
        assert "skrivebeskyttet" not in terminals[0].screen() + terminals[1].screen()
    finally:
        for t in terminals:
            t.kill()
    exported = as_user(FACILITATOR, BIN, "export", session, "-o", os.path.join(shared_folder, "referat.md"))
    assert exported.returncode == 0, exported.stderr
    for path in [session, session + "-wal", session + "-shm", os.path.join(shared_folder, "referat.md")]:
        if not os.path.exists(path):
            continue
        mode = os.stat(path).st_mode & 0o777
        assert mode & 0o007 == 0, f"{path}: others may read it ({oct(mode)})"
        assert mode & 0o060 == 0o060, f"{path}: the group must read and write ({oct(mode)})"
    outsider = as_user(OUTSIDER, BIN, "export", session)
    assert outsider.returncode == 1 and "læse" in outsider.stderr, outsider.stderr
    assert as_user(OUTSIDER, "cat", os.path.join(shared_folder, "referat.md")).returncode != 0
