"""The README's recipe for groups' own accounts, followed literally with real accounts: a
setgid folder owned by the day's group, a facilitator and two group accounts with umask 022.
Every group's typing is saved; an account outside the group reads neither the session nor
the minutes. (The sshd part of the recipe is driven by test_ssh.py; here each group account
runs the same `tovholder join` its ForceCommand would.)"""
import grp
import os
import pwd
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


# Issue 21, point 5: a folder is shared only when it is setgid, or group-writable and not
# world-writable. Two real accounts whose primary group is `users`, as on many machines.
A, B = "tov-a", "tov-b"
DAY_GROUP = "udviklingsdag"


def users_account(name, groups=()):
    """An account whose primary group is `users` (made by the test when missing)."""
    if subprocess.run(["id", name], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", "--gid", "users", name], check=True)
    subprocess.run(["usermod", "-g", "users", name], check=True)
    for g in groups:
        subprocess.run(["usermod", "-aG", g, name], check=True)


@pytest.fixture
def two_accounts():
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root and runuser to make real accounts")
    subprocess.run(["groupadd", "-f", "users"], check=True)
    subprocess.run(["groupadd", "-f", DAY_GROUP], check=True)
    for name in (A, B):
        users_account(name, [DAY_GROUP])
    base = tempfile.mkdtemp(prefix="tov-accounts-")
    os.chmod(base, 0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def folder_with(base, mode, group="root"):
    folder = os.path.join(base, f"f{mode:o}")
    os.mkdir(folder)
    shutil.chown(folder, group=group)
    os.chmod(folder, mode)
    return folder


def facilitator(user, session):
    """The facilitator's terminal, run by `user`: keeps the session (and its -wal/-shm) open."""
    t = Terminal(os.path.dirname(session))
    command = (f"runuser -u {user} -- sh -c 'umask 022; cd /tmp; exec env LANG=C.UTF-8 TERM=tmux-256color "
               f"{BIN} {session}'; echo EXITED=$?; sleep 600")
    t.tmux("new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", command)
    t.resize(100, 30)
    t.wait_for("Afslut")
    return t


def owner_mode_group(path):
    st = os.stat(path)
    return pwd.getpwuid(st.st_uid).pw_name, st.st_mode & 0o777, grp.getgrgid(st.st_gid).gr_name


def test_in_a_1777_folder_the_session_is_private_to_its_maker(two_accounts):
    folder = folder_with(two_accounts, 0o1777)
    session = os.path.join(folder, "dag.tovholder")
    made = as_user(A, BIN, "new", session)
    assert made.returncode == 0, made.stderr
    assert owner_mode_group(session) == (A, 0o600, "users")
    f = facilitator(A, session)
    try:
        for sidecar in ("-wal", "-shm"):
            assert owner_mode_group(session + sidecar)[:2] == (A, 0o600), sidecar
        before = sql(session, "SELECT group_concat(name) FROM groups")
        # B is in `users` too, and may write in the folder: still neither reads nor changes it.
        exported = as_user(B, BIN, "export", session)
        assert exported.returncode != 0 and "læse" in exported.stderr, exported.stdout + exported.stderr
        assert as_user(B, "sqlite3", session, "SELECT name FROM groups").returncode != 0
        renamed = as_user(B, "sqlite3", session, "UPDATE groups SET name = 'B var her' WHERE id = 1")
        assert renamed.returncode != 0, renamed.stdout
        assert as_user(B, "cat", session + "-wal").returncode != 0
        assert sql(session, "SELECT group_concat(name) FROM groups") == before
    finally:
        f.kill()


@pytest.mark.parametrize("mode", [0o2770, 0o770])
def test_in_a_group_folder_the_session_has_the_folders_group_and_both_work_in_it(two_accounts, mode):
    folder = folder_with(two_accounts, mode, group=DAY_GROUP)
    session = os.path.join(folder, "dag.tovholder")
    made = as_user(A, BIN, "new", session)
    assert made.returncode == 0, made.stderr
    assert owner_mode_group(session) == (A, 0o660, DAY_GROUP)
    # B opens first, so B's process makes the -wal and -shm: they get the folder's group
    # too, not B's primary group (without setgid, only Tovholder itself sees to that).
    joined = participant(B, session, "Gruppe 1")
    f = None
    try:
        joined.wait_for("Arbejdsark")
        for sidecar in ("-wal", "-shm"):
            assert owner_mode_group(session + sidecar) == (B, 0o660, DAY_GROUP), sidecar
        f = facilitator(A, session)
        joined.type("Borgeren først")
        deadline = time.time() + 10
        while sql(session, "SELECT count(*) FROM entries WHERE text = 'Borgeren først'") != "1":
            assert time.time() < deadline, joined.screen()
            time.sleep(0.1)
        exported = as_user(B, BIN, "export", session)
        assert exported.returncode == 0 and "Borgeren først" in exported.stdout, exported.stderr
        snapshots = os.path.join(folder, "dag.tovholder.snapshots")
        taken = lambda: [n for n in os.listdir(snapshots) if n.endswith(".tovholder")] if os.path.isdir(snapshots) else []
        deadline = time.time() + 10
        while not taken():
            assert time.time() < deadline, "the facilitator's first snapshot"
            time.sleep(0.1)
        for name in taken():
            assert owner_mode_group(os.path.join(snapshots, name)) == (A, 0o660, DAY_GROUP), name
    finally:
        joined.kill()
        if f:
            f.kill()
