"""The facilitator runs the reference day in a real terminal."""
import hashlib
import os
import signal
import time

from conftest import programme, run_cli, sql

FILE = "udviklingsdag.tovholder"


def first_line(title, width=60):
    return title[:width].split(" – ")[0][:30]


def open_day(term, workdir, *args, width=80, height=24, env=None):
    t = term(width, height).start(*args, env=env)
    t.wait_for("Afslut" if "--lang" not in args else "Quit")
    return t, os.path.join(workdir, FILE)


def test_first_start_creates_the_session_and_shows_the_first_item(term, workdir):
    t, path = open_day(term, workdir)
    day = programme(path)
    screen = t.wait_for(first_line(day["agenda"][0]["title"]))
    assert day["title"][:30] in screen, "the title line names the day"
    assert FILE in screen, "the title line names the file"
    assert "Næste" in screen and "Hjælp" in screen, "the key bar in Danish"
    assert sql(path, "PRAGMA journal_mode") == "wal"
    assert sql(path, "PRAGMA application_id") == str(0x546F7648)
    assert sql(path, "SELECT item_index, step FROM position") == "0|0"
    assert len(day["agenda"]) >= 20


def test_moving_through_items_is_saved_at_once(term, workdir):
    t, path = open_day(term, workdir)
    day = programme(path)
    for _ in range(3):
        t.send("Right")
    t.wait_for(first_line(day["agenda"][2]["title"]) if not day["agenda"][1]["steps"] else "Trin")
    t.wait_until(lambda: sql(path, "SELECT item_index + step FROM position") == "3", what="position saved")
    t.send("Left")
    t.wait_until(lambda: sql(path, "SELECT item_index + step FROM position") == "2", what="back saved")
    started = sql(path, "SELECT count(*) FROM item_progress WHERE actual_start IS NOT NULL")
    assert int(started) >= 1, "actual start times are recorded"


def go_to_first_timed(t, path):
    """Walks forward with the keys until the current item is timed; returns its index."""
    day = programme(path)
    target = next(i for i, it in enumerate(day["agenda"]) if it["timed"] and not it["steps"])
    t.send("a")
    t.wait_for("Dagens program")
    for _ in range(target):
        t.send("Down")
    t.send("Enter")
    t.wait_until(lambda: sql(path, "SELECT item_index FROM position") == str(target), what="jumped")
    return target, day["agenda"][target]


def test_countdown_starts_pauses_and_extends(term, workdir):
    t, path = open_day(term, workdir)
    index, item = go_to_first_timed(t, path)
    screen = t.wait_for("Mellemrum")
    assert "█" in screen, "big block digits"
    digit_rows = [l for l in screen.splitlines() if "█" in l]
    assert len(digit_rows) >= 5, "at least 5 rows tall"
    t.send("Space")
    t.wait_until(lambda: sql(path, f"SELECT running_since IS NOT NULL FROM item_progress WHERE item_id='{item['id']}'") == "1",
                 what="timer running saved")
    t.send("+")
    want = item["minutes"] * 60 + 60
    t.wait_until(lambda: sql(path, f"SELECT duration_seconds FROM item_progress WHERE item_id='{item['id']}'") == str(want),
                 what="+1 minute saved")
    time.sleep(1.2)
    t.send("Space")
    t.wait_for("PAUSE")
    # The screen shows the key's effect before it is written: wait for the pause to be saved.
    t.wait_until(lambda: sql(path, f"SELECT running_since IS NULL FROM item_progress WHERE item_id='{item['id']}'") == "1",
                 what="pause saved")
    acc = float(sql(path, f"SELECT accumulated_seconds FROM item_progress WHERE item_id='{item['id']}'"))
    assert acc >= 1.0
    assert sql(path, f"SELECT running_since FROM item_progress WHERE item_id='{item['id']}'") == ""


def test_quit_and_reopen_resumes_a_running_timer(term, workdir):
    t, path = open_day(term, workdir)
    index, item = go_to_first_timed(t, path)
    t.send("Space")
    t.wait_until(lambda: sql(path, f"SELECT running_since IS NOT NULL FROM item_progress WHERE item_id='{item['id']}'") == "1",
                 what="running")
    since = sql(path, f"SELECT running_since FROM item_progress WHERE item_id='{item['id']}'")
    t.send("q")  # a timer runs: asked first
    t.wait_for("Afslutte Tovholder?")
    assert t.app_pid() is not None
    t.send("Enter")
    t.wait_for("EXITED=0")
    time.sleep(1.0)
    t2, _ = open_day(term, workdir)
    t2.wait_for(first_line(item["title"]))
    assert sql(path, "SELECT item_index FROM position") == str(index)
    assert sql(path, f"SELECT running_since FROM item_progress WHERE item_id='{item['id']}'") == since, \
        "still running from the same start: the time that passed counts"
    assert "PAUSE" not in t2.screen()


def test_kill_9_loses_nothing(term, workdir):
    t, path = open_day(term, workdir)
    index, item = go_to_first_timed(t, path)
    t.send("Space")
    time.sleep(0.5)
    t.send("Space")  # paused with some time used
    t.wait_for("PAUSE")
    t.wait_until(lambda: sql(path, f"SELECT running_since IS NULL FROM item_progress WHERE item_id='{item['id']}'") == "1",
                 what="paused saved")
    left_before = sql(path, f"SELECT duration_seconds - accumulated_seconds FROM item_progress WHERE item_id='{item['id']}'")
    os.kill(t.app_pid(), signal.SIGKILL)
    t.wait_for("EXITED=137")
    assert sql(path, "PRAGMA integrity_check") == "ok"
    t2, _ = open_day(term, workdir)
    screen = t2.wait_for("PAUSE")
    assert first_line(item["title"]) in screen
    assert sql(path, f"SELECT duration_seconds - accumulated_seconds FROM item_progress WHERE item_id='{item['id']}'") == left_before


def test_resizing_at_any_moment_and_a_tiny_terminal(term, workdir):
    t, path = open_day(term, workdir)
    t.send("Right")
    t.wait_until(lambda: sql(path, "SELECT item_index FROM position") == "1", what="moved")
    t.resize(120, 40)
    t.wait_until(lambda: len(t.screen().splitlines()[0]) > 80, what="redrawn wider")
    t.resize(40, 12)
    screen = t.wait_for("80×24")
    assert "40×12" in screen
    t.resize(80, 24)
    t.wait_for("Afslut")
    assert sql(path, "SELECT item_index FROM position") == "1", "nothing lost by resizing"


def test_starts_in_a_40x12_terminal_and_quits(term, workdir):
    t = term(40, 12).start()
    t.wait_for("80×24")
    t.send("q")
    t.wait_for("EXITED=0")


def test_english_and_agenda_and_help(term, workdir):
    t, path = open_day(term, workdir, "--lang", "en")
    screen = t.wait_for("Next")
    assert "Næste" not in screen
    t.send("a")
    screen = t.wait_for("Today's agenda")
    assert "▶" in screen and "09:00" in screen
    t.send("?")
    t.wait_for("Help – keys")
    t.send("Escape")
    t.wait_for("Today's agenda")


def test_no_color_still_shows_state_in_words(term, workdir):
    t, path = open_day(term, workdir, env={"NO_COLOR": "1"})
    go_to_first_timed(t, path)
    t.wait_for("Ikke startet")


def test_a_file_that_is_not_a_session_is_refused_and_untouched(workdir):
    path = os.path.join(workdir, "random.tovholder")
    with open(path, "wb") as f:
        f.write(os.urandom(5000))
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    r = run_cli(path, cwd=workdir)
    assert r.returncode == 1
    assert path in r.stderr and "ikke en Tovholder-session" in r.stderr
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before
    assert not os.path.exists(path + "-wal")


def test_check_reports_file_line_column(workdir):
    good = run_cli("check", os.path.join(os.path.dirname(__file__), "..", "..", "sessions", "udviklingsdag.yaml"))
    assert good.returncode == 0, good.stderr
    bad = os.path.join(workdir, "bad.yaml")
    with open(bad, "w") as f:
        f.write("format: 1\ntitle: Dag\norganisation: X\ndate: 2023-12-05\nchallenge:\n  question: Q\n"
                "agenda:\n  - id: a\n    kind: worksop\n    title: T\n    start: \"09.00\"\n    minutes: 10\n")
    before = open(bad, "rb").read()
    r = run_cli("check", bad)
    assert r.returncode == 1
    assert f"{bad}:9:11:" in r.stderr, r.stderr
    assert open(bad, "rb").read() == before
    usage = run_cli("check")
    assert usage.returncode == 2


def test_check_a_session_and_a_theme_without_changing_them(term, workdir):
    t, path = open_day(term, workdir)
    t.send("q")
    t.wait_for("EXITED=0")
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    r = run_cli("check", path)
    assert r.returncode == 0, r.stderr
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before
    theme = os.path.join(os.path.dirname(__file__), "..", "..", "themes", "dark.yaml")
    assert run_cli("check", theme).returncode == 0
