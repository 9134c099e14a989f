"""From day 1 to day 2 in tmux: a short day 1 (a goal, a dated agreement), day 2 made from it
with `tovholder new --from` (day 1 byte for byte the same), the agreement followed up on a
participant's terminal, and day 2's minutes checked with cmark and as JSON."""
import hashlib
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import programme, run_cli, sql


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def cmark_blocks(markdown):
    out = subprocess.run(["cmark", "--to", "xml"], input=markdown, capture_output=True, text=True, check=True)
    return list(ET.fromstring(out.stdout))


def tag(node):
    return node.tag.rsplit("}", 1)[-1]


def text(node):
    """The words of a block as a reader sees them: its text leaves, breaks as spaces."""
    parts = []
    for e in node.iter():
        if tag(e) in ("text", "code"):
            parts.append(e.text or "")
        elif tag(e) in ("softbreak", "linebreak"):
            parts.append(" ")
    return "".join(parts).strip()


def section(blocks, heading):
    """The blocks under a heading, up to the next heading of the same or a higher level."""
    start = next(i for i, b in enumerate(blocks) if tag(b) == "heading" and text(b) == heading)
    level = int(blocks[start].get("level"))
    end = next((i for i in range(start + 1, len(blocks))
                if tag(blocks[i]) == "heading" and int(blocks[i].get("level")) <= level), len(blocks))
    return blocks[start + 1:end]


def ics_events(ics):
    """The calendar's events as the real icalendar parser reads them."""
    code = ("import sys, json, icalendar\n"
            "cal = icalendar.Calendar.from_ical(sys.stdin.read())\n"
            "print(json.dumps([{'summary': str(e.get('summary')), 'start': e.decoded('dtstart').isoformat(),\n"
            "  'end': e.decoded('dtend').isoformat() if e.get('dtend') else None} for e in cal.walk('VEVENT')]))")
    for python in ("python3", "/usr/bin/python3"):
        r = subprocess.run([python, "-c", code], input=ics, capture_output=True, text=True)
        if r.returncode == 0:
            return json.loads(r.stdout)
    pytest.skip("icalendar is not installed")


def quit_view(t, participant=False):
    """Quits a view, answering "Afslutte?" when it is asked."""
    t.send("F10" if participant else "q")
    t.wait_until(lambda: "Afslutte?" in t.screen() or "EXITED=" in t.screen(), what="asked or gone")
    if "EXITED=" not in t.screen():
        t.send("Enter")
    t.wait_for("EXITED=0")


def hold_day1(term, workdir):
    path = os.path.join(workdir, "dag1.tovholder")
    made = run_cli("new", path, cwd=workdir)
    assert made.returncode == 0, made.stderr
    assert "skabelonens dato" in made.stderr, "without a terminal the template's date is kept, and said"
    f = term(100, 30).start("dag1.tovholder")
    f.wait_for("Afslut")
    p = term(80, 24).start("join", "dag1.tovholder", "--group", "Gruppe 1")
    p.wait_for("Arbejdsark")
    p.type("Én indgang for borgeren")
    p.send("Escape")
    f.wait_until(lambda: "Én indgang for borgeren" in sql(path, "SELECT text FROM entries WHERE kind = 'goal'"), what="goal saved")
    target = next(i for i, it in enumerate(programme(path)["agenda"]) if it["kind"] == "agreement")
    f.send("a"); f.wait_for("Dagens program")
    for _ in range(target):
        f.send("Down")
    f.send("Enter")
    f.send("g"); f.wait_for("Grupper")
    f.send("Enter")
    f.wait_for("Aftaleskema · Gruppe 1")
    f.send("Down"); f.send("Down")
    f.wait_for("+ Ny aftale (skriv her)")
    f.type("Anne")
    f.wait_until(lambda: sql(path, "SELECT count(*) FROM agreement_rows") == "1", what="row added")
    f.send("Tab"); f.type("Erfaringer fra Ballerup")
    f.send("Tab"); f.type("18/1")
    f.wait_for("18. januar 2024")
    f.send("Escape")
    f.wait_until(lambda: sql(path, "SELECT who, knowledge, due_text FROM agreement_rows") == "Anne|Erfaringer fra Ballerup|18/1",
                 what="agreement saved")
    quit_view(p, participant=True)
    f.send("F5"); f.wait_for("Arbejdsark · Gruppe 1")  # Esc only leaves a field on a form (issue 22)
    f.send("Escape"); f.wait_for("Grupper")
    f.send("Escape"); f.wait_for("Gruppearbejde: Aftaleskema")  # Escape and q at once would be Alt-q
    quit_view(f)
    return path


def test_the_bundled_second_day_passes_check(workdir):
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "sessions",
                        "udviklingsdag-2.yaml")
    r = run_cli("check", path, cwd=workdir)
    assert r.returncode == 0 and "i orden" in r.stdout, r.stdout + r.stderr


def test_day2_from_day1_follow_up_and_the_minutes(term, workdir):
    day1 = hold_day1(term, workdir)
    before = sha256(day1)
    day2 = os.path.join(workdir, "dag2.tovholder")
    made = run_cli("new", day2, "--from", day1, "--date", "2024-01-18", cwd=workdir)
    assert made.returncode == 0, made.stderr
    assert "Fra " in made.stdout and "4 grupper" in made.stdout and "1 aftaler at følge op" in made.stdout, made.stdout
    assert sha256(day1) == before, "day 1 is only read"
    assert run_cli("new", os.path.join(workdir, "x.tovholder"), "--from", os.path.join(workdir, "mangler.tovholder"),
                   cwd=workdir).returncode == 1
    day = programme(day2)
    assert day["date"] == "2024-01-18" and day["earlierDays"][0]["date"] == "2023-12-05"
    assert sql(day2, "SELECT text, origin_day, origin_group FROM entries WHERE kind = 'goal' AND text <> ''") \
        == "Én indgang for borgeren|2023-12-05|Gruppe 1"

    f = term(100, 30).start("dag2.tovholder")
    f.wait_for("Afslut")
    p = term(80, 24).start("join", "dag2.tovholder", "--group", "Gruppe 1")
    p.wait_for("Én indgang for borgeren")  # the chain came along
    p.send("End")
    p.type(" – også digitalt")
    p.send("Escape")
    f.wait_until(lambda: sql(day2, "SELECT count(*) FROM entries WHERE text = 'Én indgang for borgeren – også digitalt'") == "1",
                 what="the goal changed on day 2")
    # The follow-up item: the participant's terminal shows day 1's agreement.
    f.send("Right")
    p.wait_for("Opfølgning · Gruppe 1")
    p.wait_for("Anne: Erfaringer fra Ballerup")
    p.send("F2")
    p.wait_for("Gjort")
    p.type("Ballerup deler gerne deres skabeloner")
    p.send("Escape")
    f.wait_until(lambda: sql(day2, "SELECT status, note FROM earlier_agreements") == "done|Ballerup deler gerne deres skabeloner",
                 what="the follow-up saved")
    f.wait_for("1 af 1 fulgt op")  # the console's line for the group

    # Day 1's calendar has Anne's deadline; day 1 itself is still untouched.
    events = ics_events(run_cli("export", day1, "--format", "ics").stdout)
    deadline = [e for e in events if "Anne" in e["summary"]]
    assert len(deadline) == 1 and deadline[0]["start"] == "2024-01-18", events
    assert sha256(day1) == before

    # The day runs late: lunch 15 minutes later, and a walk added after it.
    agenda = [it["id"] for it in programme(day2)["agenda"]]
    lunch = agenda.index("frokost")
    f.send("a"); f.wait_for("Dagens program")
    for _ in range(lunch - 1):  # the day stands at item 2 (the follow-up)
        f.send("Down")
    for _ in range(3):
        f.send(">")
    f.wait_for("Frokost flyttet til 11.45")
    f.send("i")
    f.wait_for("Nyt punkt – skriv titlen")
    f.type("Gåtur i parken")
    f.send("Enter")
    f.wait_for("Gåtur i parken tilføjet kl. 12.15")
    day = programme(day2)
    titles = [it["title"] for it in day["agenda"]]
    assert titles[lunch:lunch + 2] == ["Frokost", "Gåtur i parken"]
    assert day["agenda"][lunch]["start"] == 11 * 60 + 45, day["agenda"][lunch]
    assert sql(day2, "SELECT count(*) FROM programme_changes") == "4"
    p.wait_for("Opfølgning · Gruppe 1")  # the participant is not disturbed by the change

    md = run_cli("export", day2).stdout
    data = json.loads(run_cli("export", day2, "--format", "json").stdout)
    changes = [c["text"] for c in data["agenda"]["changes"]]
    # Three presses of > are one net change in the minutes (the log keeps all four rows).
    assert len(changes) == 2 and changes[0].endswith(": Frokost flyttet 15 min senere, til 11.45"), changes
    assert changes[1].endswith(": Gåtur i parken tilføjet kl. 12.15 (15 min)")
    assert all(c.startswith("Programmet blev ændret ") for c in changes)
    group = next(g for g in data["groups"] if g["name"] == "Gruppe 1")
    assert group["follow_up"][0]["status"] == "done" and group["follow_up"][0]["day"] == "2023-12-05"
    goal = group["goals"][0]
    assert goal["first_written"] == {"day": "2023-12-05", "day_text": "5. december 2023", "group": "Gruppe 1"}
    assert goal["carried"] is True
    assert group["changes"]["changed"] == [{"label": "Mål 1", "before": "Én indgang for borgeren",
                                            "after": "Én indgang for borgeren – også digitalt"}]
    assert data["earlier_days"][0]["title"] == "Borgerens møde med kommunen"
    if not shutil.which("cmark"):
        pytest.skip("cmark is not installed")
    blocks = cmark_blocks(md)
    agenda_section = section(blocks, "Dagens program")
    listed = [text(i) for b in agenda_section if tag(b) == "list" for i in b]
    assert [c for c in listed if c.startswith("Programmet blev ændret")] == changes, listed
    assert any(c.startswith("11.45–12.15 Frokost") for c in listed), listed
    group_blocks = section(blocks, "Gruppe 1")
    follow = section(group_blocks, "Opfølgning på aftaler fra 5. december 2023")
    items = [text(i) for b in follow if tag(b) == "list" for i in b]
    assert items == ["Anne: Erfaringer fra Ballerup · Inden 18. januar 2024 — Gjort: Ballerup deler gerne deres skabeloner"], items
    changes = section(group_blocks, "Ændret i kæden siden 5. december 2023")
    changed = [text(i) for b in changes if tag(b) == "list" for i in b]
    assert changed == ["Ændret: Mål 1: Én indgang for borgeren → Én indgang for borgeren – også digitalt"], changed
    goals = [text(i) for b in section(group_blocks, "Mål (fremtid)") if tag(b) == "list" for i in b]
    assert goals[0].endswith("(fra 5. december 2023)"), goals
