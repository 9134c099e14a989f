"""Odd paths get one clear line naming the file, exit 1, and nothing created or changed:
a link to nothing, a folder, a FIFO (no hang) and a file the user may not read."""
import hashlib
import os
import shutil
import tempfile
import subprocess

import pytest

from conftest import BIN

COMMANDS = [[], ["join"], ["export"], ["check"], ["new"]]


def listing(folder):
    return sorted(os.listdir(folder))


def run(args, cwd, user=None):
    cmd = [BIN, *args]
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=5,
                          env=dict(os.environ, LANG="C.UTF-8"), stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("kind", ["dangling", "folder", "fifo"])
def test_odd_paths_are_refused_in_one_line_and_nothing_is_created(tmp_path, kind):
    folder = str(tmp_path)
    path = os.path.join(folder, "dag.tovholder")
    if kind == "dangling":
        os.symlink(os.path.join(folder, "findes-ikke.tovholder"), path)
    elif kind == "folder":
        os.mkdir(path)
    else:
        os.mkfifo(path)
    before = listing(folder)
    for command in COMMANDS:
        r = run([*command, path], folder)  # a FIFO must not hang: run() times out after 5 s
        assert r.returncode == 1, (command, r.stdout, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and path in lines[0], (command, r.stderr)
        assert "Error" not in r.stderr and "errno" not in r.stderr
        assert listing(folder) == before, (command, listing(folder))


def test_a_file_the_user_may_not_read_is_refused_and_left_as_it_was(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to make a second account")
    user = "tovholder-e2e"
    if subprocess.run(["id", user], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user], check=True)
    folder = tempfile.mkdtemp(prefix="tovholder-perm-")  # under /tmp, which every account may enter
    os.chmod(folder, 0o755)
    path = os.path.join(folder, "dag.tovholder")
    subprocess.run([BIN, "new", path], check=True, capture_output=True)
    os.chmod(path, 0o600)  # the owner's (root's) alone
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    before = listing(folder)
    for command in [["join"], ["export"], ["check"]]:
        r = run([*command, path], "/", user=user)
        assert r.returncode == 1, (command, r.stdout, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and path in lines[0] and "læse" in lines[0], (command, r.stderr)
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == digest
    assert listing(folder) == before
    shutil.rmtree(folder)


def test_check_works_on_a_session_the_user_may_only_read(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to make a second account")
    user = "tovholder-e2e"
    if subprocess.run(["id", user], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user], check=True)
    folder = tempfile.mkdtemp(prefix="tovholder-ro-")
    os.chmod(folder, 0o755)  # the user may not create a -shm here
    path = os.path.join(folder, "dag.tovholder")
    subprocess.run([BIN, "new", path], check=True, capture_output=True)
    os.chmod(path, 0o644)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    r = run(["check", path], "/", user=user)
    assert r.returncode == 0 and "i orden" in r.stdout, r.stderr
    subprocess.run(["sqlite3", path, "PRAGMA foreign_keys=OFF; DROP TABLE roadmap;"], check=True)
    r = run(["check", path], "/", user=user)
    assert r.returncode == 1 and f"{path}: tabellen roadmap mangler" in r.stderr, r.stderr
    assert not os.path.exists(path + "-shm") or os.stat(path + "-shm").st_uid == 0, "the reader wrote nothing"
    shutil.rmtree(folder)
