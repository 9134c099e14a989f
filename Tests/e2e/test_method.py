"""The method's activities with a facilitator and three participants' terminals in tmux: a dot
vote (counts right, nobody votes twice, nothing shown before the reveal, the counts in the
exported JSON and Markdown), dialogue cards dealt to each group and answered, and goals
written privately until revealed. The session file is checked with sqlite3."""
import json
import os
import time

from conftest import run_cli, sql

FILE = "udviklingsdag.tovholder"
GOALS_ITEM = 5  # "Drøm målene større": group work on the goals


def facilitator(term, workdir):
    t = term(120, 30).start()
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def go_to(f, index):
    f.send("a")
    f.wait_for("Dagens program")
    for _ in range(index):
        f.send("Down")
    f.send("Enter")


def participant(term, group):
    t = term(80, 24).start("join", FILE, "--group", group)
    t.wait_for("Arbejdsark")
    return t


def write_goals(p, goals):
    """Types goals into the focused (first) goal, Enter between them, as a group would."""
    for i, goal in enumerate(goals):
        p.type(goal)
        if i < len(goals) - 1:
            p.send("Enter")
    p.send("Escape")


def goal_ids(path, group):
    rows = sql(path, "SELECT e.id FROM entries e JOIN groups g ON g.id = e.group_id "
                     f"WHERE e.kind = 'goal' AND g.name = '{group}' AND e.deleted_at IS NULL ORDER BY e.position")
    return [int(r) for r in rows.splitlines()]


def test_a_dot_vote_with_three_participants_two_of_them_one_group(term, workdir):
    f, path = facilitator(term, workdir)
    go_to(f, GOALS_ITEM)
    f.wait_for("Drøm målene større")
    p1, p2, p3 = participant(term, "Gruppe 1"), participant(term, "Gruppe 1"), participant(term, "Gruppe 2")
    write_goals(p1, ["Én indgang", "Kort ventetid", "Klart sprog", "Faste teams"])
    write_goals(p3, ["Borgerne med fra start"])
    f.wait_until(lambda: len(goal_ids(path, "Gruppe 1")) == 4 and sql(path, "SELECT count(*) FROM entries WHERE text = 'Faste teams'") == "1",
                 what="group 1's four goals saved")
    projector = term(80, 24).start("projector", FILE)
    projector.wait_until(lambda: projector.screen().strip() != "", what="the projector draws")

    # v: a vote on the goals, within each group, 3 dots a group; the participants are taken to it.
    f.send("v")
    f.wait_for("Prikafstemning: Mål (fremtid) · i hver gruppe · åben")
    for p in (p1, p2, p3):
        p.wait_for("Gruppen har 3 af 3 prikker tilbage")
    assert sql(path, "SELECT part, scope, dots, open, revealed FROM votes") == "goals|group|3|1|0"
    before_reveal = projector.screen()

    # p1 gives a dot to three goals: the group's dots are gone on both of its terminals, at once.
    for _ in range(3):
        p1.send("Space")
        p1.send("Down")
    p1.wait_for("Gruppen har 0 af 3 prikker tilbage")
    p2.wait_for("Gruppen har 0 af 3 prikker tilbage")
    # p2, the group's second laptop, gets no dots of its own: the fourth goal is refused.
    for _ in range(3):
        p2.send("Down")
    p2.send("Space")
    p2.wait_for("Alle dine prikker er givet")
    # p2 presses Space five times on the first goal: the group's dot there is taken back, given,
    # … taken back (never two); then the freed dot goes to the fourth goal.
    for _ in range(3):
        p2.send("Up")
    for _ in range(5):
        p2.send("Space")
    p2.wait_for("Gruppen har 1 af 3 prikker tilbage")
    for _ in range(3):
        p2.send("Down")
    p2.send("Space")
    p3.send("Space")
    p3.wait_for("Gruppen har 2 af 3 prikker tilbage")
    p1.wait_for("Gruppen har 0 af 3 prikker tilbage")
    g1 = goal_ids(path, "Gruppe 1")
    g2 = goal_ids(path, "Gruppe 2")
    counts = dict((int(e), int(n)) for e, n in (r.split("|") for r in sql(
        path, "SELECT entry_id, count(*) FROM vote_dots GROUP BY entry_id").splitlines()))
    assert counts == {g1[1]: 1, g1[2]: 1, g1[3]: 1, g2[0]: 1}, counts
    per_voter = sql(path, "SELECT count(*) FROM vote_dots GROUP BY terminal ORDER BY 1").splitlines()
    assert per_voter == ["1", "3"], "two laptops of one group share its 3 dots; nobody gives two to one goal"

    # The console counts live; the participants and the projector show no counts before the reveal.
    f.wait_for("2 grupper har givet 4 prikker")
    assert "■" in f.screen()
    for p in (p1, p2, p3):
        assert "■" not in p.screen(), p.screen()
    time.sleep(0.3)
    during = projector.screen()
    assert "Én indgang" not in during

    # v again ends it: no more dots. r shows the counts to the room.
    f.send("v")
    f.wait_for("· lukket")
    assert sql(path, "SELECT open FROM votes") == "0"
    p3.send("Down")
    p3.send("Space")
    p3.wait_for("Afstemningen er lukket")
    assert sql(path, "SELECT count(*) FROM vote_dots") == "4"
    f.send("r")
    f.wait_for("Resultatet vises for rummet")
    assert sql(path, "SELECT revealed FROM votes") == "1"
    p1.wait_for("■")
    projector.wait_until(lambda: projector.screen() != during, what="the projector shows the counts")
    assert before_reveal != projector.screen()

    # The counts in the exported JSON and Markdown, never who gave them.
    data = json.loads(run_cli("export", path, "--format", "json").stdout)
    assert data["schema_version"] == 2
    groups = {g["name"]: g for g in data["groups"]}
    assert [e.get("votes") for e in groups["Gruppe 1"]["goals"]] == [0, 1, 1, 1]
    assert [e.get("votes") for e in groups["Gruppe 2"]["goals"]] == [1]
    assert all("votes" not in e for e in groups["Gruppe 1"]["mechanisms"])
    assert data["dot_votes"][0]["dots_given"] == 4 and data["dot_votes"][0]["voters"] == 2
    terminals = sql(path, "SELECT DISTINCT terminal FROM vote_dots").splitlines()
    md = run_cli("export", path).stdout
    assert "- **Mål 3:** Klart sprog — **1 prik**" in md
    assert "3 prikker pr. gruppe · 2 grupper gav 4 prikker · lukket" in md
    for terminal in terminals:
        assert terminal not in md and terminal not in json.dumps(data)


def test_a_card_dealt_to_each_group_and_answered_in_the_minutes(term, workdir):
    f, path = facilitator(term, workdir)
    p1, p3 = participant(term, "Gruppe 1"), participant(term, "Gruppe 2")
    f.send("d")
    f.wait_for("Dialogkort: Syv principper")
    f.send("p")
    f.wait_for("Projektoren viser kortet")
    assert sql(path, "SELECT shows, card FROM projector") == "card|syv-principper/maal-og-resultater"
    f.send("d")
    f.wait_for("Hver gruppe har fået et kort.")
    assert sql(path, "SELECT count(*), count(DISTINCT card) FROM card_deals") == "4|4", "a different card each"
    # Each group's terminals show its card; they answer the questions.
    p1.wait_for("Dialogkort · Gruppe 1")
    p3.wait_for("Dialogkort · Gruppe 2")
    p1.type("Vi styrer efter mål")
    p1.send("Tab")
    p1.type("Borgerne inddrages tidligt")
    p3.type("Mere tillid 🤝")
    p1.send("Escape")
    p3.send("Escape")
    expected = ["Gruppe 1|0|Vi styrer efter mål", "Gruppe 1|1|Borgerne inddrages tidligt", "Gruppe 2|0|Mere tillid 🤝"]

    def answers():
        return sql(path, "SELECT g.name, a.question, a.text FROM card_answers a JOIN card_deals c ON c.id = a.deal_id "
                         "JOIN groups g ON g.id = c.group_id ORDER BY g.name, a.question").splitlines()
    f.wait_until(lambda: answers() == expected, what=f"the answers saved as typed: {answers()}")
    g1 = sql(path, "SELECT c.card FROM card_deals c JOIN groups g ON g.id = c.group_id WHERE g.name = 'Gruppe 1'")
    deck = open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "sessions", "decks",
                             "syv-principper.yaml"), encoding="utf-8").read()
    md = run_cli("export", path).stdout
    section = md.split("### Gruppe 1", 1)[1].split("### Gruppe 2", 1)[0]
    assert "#### Dialogkort: " in section
    assert f"id: {g1}" in deck
    assert "**\\\n  Vi styrer efter mål" in section
    assert "**\\\n  Borgerne inddrages tidligt" in section
    assert "Mere tillid 🤝" in md.split("### Gruppe 2", 1)[1].split("### Gruppe 3", 1)[0]
    # A group with no card draws one; one that has one cannot draw again.
    assert sql(path, "SELECT count(*) FROM card_deals WHERE drawn = 1") == "0"
    p1.send("C-d")
    p1.send("F3")
    time.sleep(0.3)
    assert sql(path, "SELECT count(*) FROM card_deals") == "4"


def test_goals_written_privately_until_revealed(term, workdir):
    f, path = facilitator(term, workdir)
    go_to(f, GOALS_ITEM)
    f.wait_for("Drøm målene større")
    p1, p3 = participant(term, "Gruppe 1"), participant(term, "Gruppe 2")
    f.send("h")
    f.wait_for("for sig selv")
    assert sql(path, "SELECT part FROM hidden_parts") == "goals"
    write_goals(p1, ["Hemmeligt mål"])
    write_goals(p3, ["Vores eget mål"])
    f.wait_until(lambda: sql(path, "SELECT count(*) FROM entries WHERE text IN ('Hemmeligt mål', 'Vores eget mål')") == "2",
                 what="both goals saved")
    p3.send("F5")
    p3.wait_for("skjult for rummet")
    screen = p3.wait_for("Vores eget mål")
    assert "Hemmeligt mål" not in screen and "░░░" in screen
    f.send("o")
    f.wait_for("Hemmeligt mål")  # the facilitator sees everything
    f.send("Escape")
    # Escape then a letter at once is Alt-letter in any terminal: wait for the console first.
    f.wait_until(lambda: "Noter fra plenum" not in f.screen(), what="back on the console")
    f.send("h")
    f.wait_for("vises nu for alle")
    p3.wait_for("Hemmeligt mål")
    assert sql(path, "SELECT count(*) FROM hidden_parts") == "0"
