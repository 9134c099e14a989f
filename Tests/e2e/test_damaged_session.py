"""Damaged sessions made on purpose (a dropped table, an overwritten page, a truncated file,
a corrupt and a foreign -wal) through check, open, backups and restore: clear lines, exit 1,
the file byte-for-byte as it was, and a snapshot that brings the work back."""
import hashlib
import os
import shutil
import signal
import subprocess

import pytest

from conftest import BIN, run_cli, sql


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def day_with_work(term, workdir):
    """A day opened by the facilitator (which takes a snapshot), with a goal written."""
    path = os.path.join(workdir, "dag.tovholder")
    subprocess.run([BIN, "new", path], check=True, capture_output=True)
    group = sql(path, "SELECT id FROM groups ORDER BY position LIMIT 1")
    sql(path, f"UPDATE entries SET text = 'Færre sygedage' WHERE group_id = {group} AND kind = 'goal'")
    t = term().start("dag.tovholder")
    t.wait_for("Afslut")
    t.wait_until(lambda: run_cli("backups", path, cwd=workdir).returncode == 0, what="a snapshot at start")
    os.kill(t.app_pid(), signal.SIGKILL)
    t.wait_for("EXITED=137")
    # As if the 10 s had passed in which a killed terminal drops off the list.
    sql(path, "UPDATE terminals SET last_seen = 0")
    return path


def damage(path, kind):
    if kind == "dropped-table":
        subprocess.run(["sqlite3", path, "PRAGMA foreign_keys=OFF; DROP TABLE entries;"], check=True)
    elif kind == "overwritten-page":
        subprocess.run(["sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True, capture_output=True)
        with open(path, "r+b") as f:
            f.seek(4096 * 2)
            f.write(b"\xde\xad\xbe\xef" * 1024)
    elif kind == "truncated":
        subprocess.run(["sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True, capture_output=True)
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 2)


@pytest.mark.parametrize("kind", ["dropped-table", "overwritten-page", "truncated"])
def test_a_damaged_session_is_named_left_alone_and_restored_from_a_snapshot(term, workdir, kind):
    path = day_with_work(term, workdir)
    damage(path, kind)
    before = digest(path)
    check = run_cli("check", path, cwd=workdir)
    assert check.returncode == 1, check.stdout + check.stderr
    lines = check.stderr.strip().splitlines()
    assert lines and all(path in l or "tovholder" in l for l in lines), check.stderr
    assert "i orden" not in check.stdout
    opened = run_cli(path, cwd=workdir)  # the facilitator's open refuses before the screen
    assert opened.returncode == 1, opened.stderr
    assert "tovholder restore" in opened.stderr, opened.stderr
    assert digest(path) == before, "byte-for-byte as it was"
    listing = run_cli("backups", path, cwd=workdir)
    assert listing.returncode == 0 and ".tovholder" in listing.stdout
    newest = listing.stdout.splitlines()[0].split("  ")[0]
    restored = run_cli("restore", path, "--from", newest, cwd=workdir)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("check", path, cwd=workdir).returncode == 0
    assert "Færre sygedage" in sql(path, "SELECT group_concat(text) FROM entries")
    assert len(run_cli("backups", path, cwd=workdir).stdout.splitlines()) >= 3, "the damaged file is kept too"


def test_a_corrupt_or_foreign_wal_costs_at_most_the_work_since_the_last_snapshot(term, workdir):
    path = day_with_work(term, workdir)
    other = os.path.join(workdir, "andet.tovholder")
    subprocess.run([BIN, "new", other], check=True, capture_output=True)
    sql(other, "UPDATE groups SET name = 'Fremmed'")  # leaves a -wal behind for the other file
    if os.path.exists(other + "-wal"):
        shutil.copy(other + "-wal", path + "-wal")
    listing = run_cli("backups", path, cwd=workdir)
    newest = listing.stdout.splitlines()[0].split("  ")[0]
    restored = run_cli("restore", path, "--from", newest, cwd=workdir)
    assert restored.returncode == 0, restored.stderr
    assert not os.path.exists(path + "-wal") or os.path.getsize(path + "-wal") == 0 or \
        "Fremmed" not in sql(path, "SELECT group_concat(name) FROM groups")
    assert "Færre sygedage" in sql(path, "SELECT group_concat(text) FROM entries")
    assert run_cli("check", path, cwd=workdir).returncode == 0


def test_in_a_terminal_a_damaged_session_is_refused_after_the_first_frame_and_left_alone(term, workdir):
    """In a real terminal the damage check runs after the first frame (start-up time) and
    before anything is written: the program ends, names the problem and the snapshot, and
    the file is byte-for-byte as it was."""
    path = day_with_work(term, workdir)
    damage(path, "dropped-table")
    before = digest(path)
    t = term().start("dag.tovholder")
    screen = t.wait_for("EXITED=1")
    assert "tabellen entries mangler" in screen and "restore dag.tovholder --from" in screen, screen
    assert digest(path) == before
    assert not os.path.exists(path + "-wal") or sql(path, "SELECT count(*) FROM terminals WHERE last_seen > 0") == "0"
