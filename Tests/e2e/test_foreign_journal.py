"""A journal that does not belong (issue 21, point 4): another live session's -wal copied beside
a day is refused by check, the facilitator's view, export, new --from, join and serve — each
exit 1, naming both files and the newest snapshot, both files byte-for-byte as they were —
and `restore` brings the snapshot back with the foreign journal kept aside."""
import hashlib
import os
import shutil
import subprocess
import time

from conftest import BIN, run_cli, sql


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def quit_view(t):
    t.send("q")
    t.wait_until(lambda: "Afslutte?" in t.screen() or "EXITED=" in t.screen(), what="asked or gone")
    if "EXITED=" not in t.screen():
        t.send("Enter")
    t.wait_for("EXITED=0")


def day_with_foreign_journal(term, workdir):
    """dag.tovholder, held and closed (a snapshot taken, no -wal left), then with the -wal of
    andet.tovholder, which the facilitator has open and whose words are only in its journal."""
    path = os.path.join(workdir, "dag.tovholder")
    subprocess.run([BIN, "new", path], check=True, capture_output=True)
    sql(path, "UPDATE entries SET text = 'Egne ord' WHERE kind = 'goal'")
    t = term().start("dag.tovholder")
    t.wait_for("Afslut")
    t.wait_until(lambda: run_cli("backups", path, cwd=workdir).returncode == 0, what="a snapshot at start")
    quit_view(t)
    assert not os.path.exists(path + "-wal") or os.path.getsize(path + "-wal") == 0

    other = os.path.join(workdir, "andet.tovholder")
    subprocess.run([BIN, "new", other], check=True, capture_output=True)
    o = term().start("andet.tovholder")
    o.wait_for("Afslut")
    # Written while the view holds the file open: it stays in the journal, not checkpointed.
    sql(other, "UPDATE entries SET text = 'Fremmede ord' WHERE kind = 'goal'")
    size = os.path.getsize(other + "-wal")
    o.send("n")  # and the view moves the day on: a commit of Tovholder's own
    deadline = time.time() + 10
    while os.path.getsize(other + "-wal") <= size and time.time() < deadline:
        time.sleep(0.1)
    assert os.path.getsize(other + "-wal") > size
    shutil.copy(other + "-wal", path + "-wal")
    return path


def assert_refused(result, what):
    out = result.stdout + result.stderr
    assert result.returncode == 1, f"{what}: {result.returncode}\n{out}"
    assert "dag.tovholder: filen " in out and "dag.tovholder-wal hører ikke til denne session" in out, f"{what}:\n{out}"
    assert "tovholder restore" in out and "--from" in out, f"{what}: the newest snapshot is named\n{out}"
    assert "Fremmede ord" not in out, f"{what}: printed the other session's words\n{out}"


def test_a_foreign_journal_is_refused_everywhere_and_nothing_changes(term, workdir):
    path = day_with_foreign_journal(term, workdir)
    before = (sha256(path), sha256(path + "-wal"))

    assert_refused(run_cli("check", "dag.tovholder", cwd=workdir), "check")
    assert_refused(run_cli("export", "dag.tovholder", cwd=workdir), "export")
    assert_refused(run_cli("export", "dag.tovholder", "-o", "referat.md", cwd=workdir), "export -o")
    assert not os.path.exists(os.path.join(workdir, "referat.md"))
    assert_refused(run_cli("new", "dag2.tovholder", "--from", "dag.tovholder", cwd=workdir), "new --from")
    assert not os.path.exists(os.path.join(workdir, "dag2.tovholder"))
    assert_refused(run_cli("join", "dag.tovholder", "--group", "1", cwd=workdir), "join")
    served = subprocess.run([BIN, "serve", "dag.tovholder", "--port", "0", "--listen", "127.0.0.1"],
                            capture_output=True, text=True, cwd=workdir, timeout=30,
                            env=dict(os.environ, LANG="C.UTF-8", HOME=workdir))
    assert_refused(served, "serve")

    t = term(200, 30).start("dag.tovholder")
    screen = t.wait_for("EXITED=1")
    assert "dag.tovholder: filen dag.tovholder-wal hører ikke til denne session" in screen, screen
    assert sha256(path) == before[0], "the session file byte-for-byte as it was"
    assert sha256(path + "-wal") == before[1], "the journal byte-for-byte as it was"

    listing = run_cli("backups", path, cwd=workdir)
    newest = listing.stdout.splitlines()[0].split("  ")[0]
    restored = run_cli("restore", path, "--from", newest, cwd=workdir)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("check", path, cwd=workdir).returncode == 0
    texts = sql(path, "SELECT group_concat(text) FROM entries")
    assert "Egne ord" in texts and "Fremmede ord" not in texts
    kept = [n for n in os.listdir(path + ".snapshots") if n.endswith(".fremmed-wal")]
    assert len(kept) == 1 and sha256(os.path.join(path + ".snapshots", kept[0])) == before[1], "kept aside, not deleted"
