"""Issue 22: the day keys move the day on every day screen (the plenum too), the agenda acts
on its cursor, S starts the day now, and Esc on a form stays on the form."""
import json
import os
import statistics
import time

from conftest import open_agreement_form, programme, run_cli, sql

FILE = "udviklingsdag.tovholder"


def open_day(term, workdir, width=100, height=30, env=None):
    t = term(width, height).start(env=env)
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def settled(p, timeout=5.0):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        s = p.screen()
        if s == last and s.strip():
            return s
        last = s
        time.sleep(0.05)
    raise AssertionError(f"the projector did not settle:\n{p.screen()}")


def position(path):
    return sql(path, "SELECT item_index || '.' || step FROM position")


def test_walk_the_whole_reference_day_with_n_only(term, workdir):
    f, path = open_day(term, workdir)
    day = programme(path)
    last = len(day["agenda"]) - 1
    p = term(160, 45).start("projector", FILE)
    settled(p)
    times = []
    presses = 0
    while sql(path, "SELECT item_index FROM position") != str(last):
        assert presses < 80, f"n did not reach the end; at {position(path)}:\n{f.screen()}"
        before_pos, before_wall = position(path), p.screen()
        sent = time.perf_counter()
        f.send("n")
        presses += 1
        f.wait_until(lambda: position(path) != before_pos, timeout=5, what=f"n moves the day from {before_pos}")
        # The time until the projector's screen follows.
        while p.screen() == before_wall and time.perf_counter() - sent < 3:
            time.sleep(0.005)
        if p.screen() != before_wall:
            times.append(time.perf_counter() - sent)
    f.wait_for("Tak for i dag")
    # Nothing was typed anywhere on the way: no plenum notes, no item notes, no entries changed.
    assert sql(path, "SELECT count(*) FROM plenum_notes WHERE text <> ''") == "0"
    assert sql(path, "SELECT count(*) FROM item_notes WHERE text <> ''") == "0"
    # Every item after the first was arrived at (its actual start recorded: held).
    held = int(sql(path, "SELECT count(*) FROM item_progress WHERE actual_start IS NOT NULL"))
    assert held >= last, f"{held} of {last + 1} items held"
    assert len(times) >= presses - 2, f"the projector followed {len(times)} of {presses} presses"
    ms = sorted(t * 1000 for t in times)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    print(f"\nn → projector follows, {len(ms)} of {presses} presses: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {ms[-1]:.0f} ms")


def test_the_agenda_cursor_moves_lunch_not_the_plenum(term, workdir):
    t, path = open_day(term, workdir)
    day = programme(path)
    kinds = [it["kind"] for it in day["agenda"]]
    plenum, lunch = kinds.index("plenum"), kinds.index("lunch")
    assert lunch > plenum
    for _ in range(60):  # an exercise's steps take an n each too
        if sql(path, "SELECT item_index FROM position") == str(plenum):
            break
        before = position(path)
        t.send("n")
        t.wait_until(lambda: position(path) != before, what="n moves the day")
    t.wait_until(lambda: sql(path, "SELECT item_index FROM position") == str(plenum), what="at the plenum")
    t.send("a"); t.wait_for("Dagens program")
    for _ in range(lunch - plenum):
        t.send("Down")
    time.sleep(0.3)
    row = next(line for line in t.screen().splitlines() if day["agenda"][lunch]["title"][:20] in line)
    assert "▶" in row and "Næste" in row, row
    t.send(">")
    t.wait_for("flyttet til")
    after = programme(path)["agenda"]
    assert after[plenum]["start"] == day["agenda"][plenum]["start"], "the plenum did not move"
    assert after[lunch]["start"] != day["agenda"][lunch]["start"], "lunch moved"
    assert json.loads(sql(path, "SELECT change FROM programme_changes")).get("moved", {}).get("title") == day["agenda"][lunch]["title"]


def test_start_now_after_a_late_start_is_one_change(term, workdir):
    # Local time is made 9.xx (the day is planned from 9.00), whatever the machine's clock says.
    now = time.gmtime()
    if now.tm_min < 2:
        time.sleep(120 - now.tm_sec)
        now = time.gmtime()
    hours = now.tm_hour - 9
    t, path = open_day(term, workdir, env={"TZ": f"XXX{hours:+d}"})
    day = programme(path)
    t.send("a"); t.wait_for("Dagens program")
    t.send("S")
    t.wait_for("Start dagen nu?")
    t.send("Enter")
    t.wait_for("startet kl.")
    assert sql(path, "SELECT count(*) FROM programme_changes") == "1", "one entry in the change log"
    change = json.loads(sql(path, "SELECT change FROM programme_changes"))
    assert list(change) == ["startedNow"], change
    after = programme(path)["agenda"]
    assert after[0]["start"] != day["agenda"][0]["start"]
    assert after[-1]["start"] != day["agenda"][-1]["start"], "the whole day moved"
    print("\nS change:", change)
    # The minutes say it once, as the start of the day.
    md = run_cli("export", path, "--format", "markdown", cwd=workdir).stdout
    shift = after[0]["start"] - day["agenda"][0]["start"]
    lines = [line for line in md.splitlines() if "flyttet" in line or "startet" in line]
    assert len(lines) == 1 and "Dagen startet kl. " in lines[0] and f"resten af dagen flyttet {shift} min senere" in lines[0], lines


def test_esc_in_the_agreement_form_then_letters_change_no_goal(term, workdir):
    t, path = open_day(term, workdir)
    open_agreement_form(t, path)
    entries = sql(path, "SELECT group_concat(id || ':' || text, '|') FROM entries")
    t.type("Borgerpanel")
    t.wait_until(lambda: sql(path, "SELECT perspectives FROM agreements") == "Borgerpanel", what="typed")
    t.send("Escape"); time.sleep(0.2)
    t.send("Escape"); time.sleep(0.2)
    t.type("hej")
    time.sleep(0.5)
    assert "Aftaleskema · Gruppe 1" in t.screen(), "Esc stays on the agreement form"
    assert sql(path, "SELECT group_concat(id || ':' || text, '|') FROM entries") == entries, "no goal changed"
    assert sql(path, "SELECT count(*) FROM entries WHERE text LIKE '%hej%'") == "0"
