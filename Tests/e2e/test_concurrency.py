"""Many processes editing one session file at once, as the facilitator's and up to ~20
participants' terminals do: no edit lost, no error, no broken file, also when a writer is
killed with SIGKILL mid-transaction. Figures (latencies) are printed by
Benchmarks/concurrency.py; these tests time nothing."""
import json
import os
import re
import signal
import subprocess
import time

import pytest

from conftest import ROOT, sql

LOAD = os.environ.get("TOVHOLDER_LOAD", os.path.join(ROOT, ".build", "release", "tovholder-load"))
EDITS = 500


@pytest.fixture(scope="module", autouse=True)
def load_tool_exists():
    assert os.path.exists(LOAD), f"build tovholder-load first (scripts/build): {LOAD}"


@pytest.fixture
def session(workdir):
    path = os.path.join(workdir, "load.tovholder")
    subprocess.run([LOAD, "create", path], check=True, capture_output=True, text=True)
    return path


def start_writer(path, n, edits=EDITS, mode="own", entry=None):
    args = [LOAD, "write", path, "--writer", str(n), "--edits", str(edits), "--mode", mode]
    if entry is not None:
        args += ["--field-entry", str(entry)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc, timeout=90):
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, f"writer exited {proc.returncode}: {err}"
    assert err == "", err
    result = json.loads(out)
    assert result["errors"] == 0
    assert len(result["latencies_ms"]) == result["edits"]
    return result


def history(path, entry):
    return sql(path, f"SELECT text FROM text_history WHERE field = 'entry:{entry}'").splitlines()


def started(path, writer):
    """Whether the writer has committed an edit; a read racing a checkpoint may be refused."""
    try:
        return sql(path, f"SELECT COUNT(*) FROM entries WHERE updated_by = '{writer}' AND text LIKE '{writer}-e%'") == "1"
    except subprocess.CalledProcessError:
        return False


def challenge_of_group_1(path):
    return int(sql(path, "SELECT id FROM entries WHERE group_id = 1 AND kind = 'challenge'"))


def test_twenty_writers_own_fields_lose_nothing(session):
    procs = [start_writer(session, n) for n in range(1, 21)]
    results = [finish(p) for p in procs]
    assert sql(session, "PRAGMA integrity_check") == "ok"
    for r in results:
        n, entry = r["writer"], r["entry"]
        row = sql(session, f"SELECT text, updated_by FROM entries WHERE id = {entry}")
        assert row == f"w{n}-e{EDITS - 1}|w{n}", f"writer {n}'s field holds {row!r}"
        # Every earlier text of the field is in the history, in order: nothing lost.
        assert history(session, entry) == [f"w{n}-e{j}" for j in range(EDITS - 1)]
    assert sql(session, "SELECT COUNT(*) FROM entries WHERE kind = 'mechanism' AND group_id = 1") == "20"


def test_twenty_writers_same_field_keep_every_text(session):
    entry = challenge_of_group_1(session)
    procs = [start_writer(session, n, mode="same", entry=entry) for n in range(1, 21)]
    for p in procs:
        finish(p)
    assert sql(session, "PRAGMA integrity_check") == "ok"
    current = sql(session, f"SELECT text FROM entries WHERE id = {entry}")
    kept = set(history(session, entry))
    written = [f"w{n}-e{j}" for n in range(1, 21) for j in range(EDITS)]
    missing = [t for t in written if t != current and t not in kept]
    assert missing == [], f"{len(missing)} of {len(written)} texts lost, e.g. {missing[:5]}"


def test_kill_9_mid_run_breaks_nothing(session):
    # The victim writes far more than it can in 0.3 s, so it is surely killed mid-run.
    victim = start_writer(session, 5, edits=1_000_000)
    # Let it commit a first edit alone: among busy writers SQLite's busy wait can starve a
    # newcomer for longer than 0.3 s (seen), and then there would be nothing to check.
    deadline = time.monotonic() + 10
    while not started(session, "w5"):
        assert time.monotonic() < deadline, "the victim made no edit"
        time.sleep(0.01)
    others = [start_writer(session, n) for n in range(1, 5)]
    time.sleep(0.3)
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=10)
    assert victim.returncode == -signal.SIGKILL, "the victim finished before it was killed"
    for p in others:
        finish(p)
    assert sql(session, "PRAGMA integrity_check") == "ok"
    entry, text = sql(session, "SELECT id, text FROM entries WHERE updated_by = 'w5'").split("|")
    m = re.fullmatch(r"w5-e(\d+)", text)
    assert m, f"the killed writer's field holds {text!r}"
    last = int(m.group(1))
    # Everything it committed before the kill is there; the edit in flight is simply absent.
    assert history(session, entry) == [f"w5-e{j}" for j in range(last)]
    for n in range(1, 5):
        assert sql(session, f"SELECT text FROM entries WHERE updated_by = 'w{n}'") == f"w{n}-e{EDITS - 1}"


def test_text_replaced_by_another_terminal_is_kept(session):
    """w1-e4 -> w12-e4 within 2 s looks like typing on, but another terminal wrote it: kept."""
    entry = challenge_of_group_1(session)
    for author, text in [("terminal-a", "w1-e4"), ("terminal-b", "w12-e4")]:
        subprocess.run([LOAD, "set", session, "--entry", str(entry), "--text", text, "--author", author],
                       check=True, capture_output=True)
    assert "w1-e4" in history(session, entry)
