"""The room's projector: `tovholder projector FILE` in a second terminal beside the facilitator's
console, both on one session file. The projector follows what the facilitator opens, draws
only big block letters, never the facilitator's notes, goes dark with b, takes no keys but
quit; the console tells what the projector shows and whether the room can read it."""
import html
import json
import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest

from conftest import programme, run_cli, sql

FILE = "udviklingsdag.tovholder"
# What a projector frame may hold: the block glyphs and blank cells, nothing else.
GLYPHS = set("█▀▄ \n")
# A word no template, screen or minutes holds unless a facilitator wrote it.
NOTE_WORD = "Flødebolleplanen"


def facilitator(term, workdir, width=120, height=35):
    t = term(width, height).start()
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def projector(term, width=240, height=67):
    """A projector terminal; returns once its first frame stands still."""
    p = term(width, height).start("projector", FILE)
    settled(p)
    return p


def settled(p, timeout=5.0):
    """The projector's screen once it has drawn and stopped changing (two equal captures)."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        s = p.screen()
        if s == last and s.strip():
            return s
        last = s
        time.sleep(0.1)
    raise AssertionError(f"the projector's screen did not settle within {timeout}s:\n{p.screen()}")


def within(p, predicate, seconds, since, what):
    """Polls the projector's screen until `predicate(screen)` holds, at most `seconds` after
    `since` (a time.perf_counter() taken before the key was sent); the seconds it took."""
    while True:
        s = p.screen()
        took = time.perf_counter() - since
        if predicate(s):
            return took
        if took > seconds:
            raise AssertionError(f"{what}: not within {seconds} s; the projector shows:\n{s}")
        time.sleep(0.02)


def changed(p, before, seconds=1.0, since=None):
    """The projector's screen differs from `before` within `seconds`; the seconds it took."""
    return within(p, lambda s: s != before, seconds, time.perf_counter() if since is None else since,
                  "the projector's screen changed")


def ordinary_characters(screen):
    return sorted(set(screen) - GLYPHS)


def write_notes(f, path, word):
    """Notes for the current item through the console: m, the word, Esc (saves and closes)."""
    f.send("m")
    f.wait_for("Dine noter til:")
    f.type(word)
    f.wait_for(word)
    f.send("Escape")
    f.wait_for("m: ret noter")  # back on the console
    f.wait_for(word)
    item = programme(path)["agenda"][int(sql(path, "SELECT item_index FROM position"))]
    f.wait_until(lambda: word in sql(path, f"SELECT text FROM item_notes WHERE item_id = '{item['id']}'"),
                 what="the notes saved in item_notes")
    return item


def test_projector_follows_next_and_never_shows_the_notes(term, workdir):
    f, path = facilitator(term, workdir)
    p = projector(term, 240, 67)
    before = p.screen()
    assert "█" in before, "the item in big block letters"
    assert ordinary_characters(before) == [], before
    sent = time.perf_counter()
    f.send("n")
    took = changed(p, before, 1.0, since=sent)
    f.wait_until(lambda: sql(path, "SELECT item_index FROM position") == "1", timeout=2, what="position moved")
    after = settled(p)
    assert after != before, "the projector shows the next item"
    assert "█" in after

    item = write_notes(f, path, NOTE_WORD)
    assert item["id"] == programme(path)["agenda"][1]["id"]
    console = f.screen()
    assert "Dine noter" in console and NOTE_WORD in console
    # The projector reloads the session (the revision moved) but draws the same frame: the
    # notes are not on it, and no ordinary letter at all is (no notes, no "bagud", no key bar).
    time.sleep(0.3)
    wall = settled(p)
    assert wall == after, "writing notes changes nothing on the projector"
    assert ordinary_characters(wall) == [], wall
    print(f"projector followed n in {took * 1000:.0f} ms")


def test_b_blanks_the_projector_and_b_again_brings_it_back(term, workdir):
    f, path = facilitator(term, workdir)
    p = projector(term, 240, 67)
    picture = p.screen()
    sent = time.perf_counter()
    f.send("b")
    within(p, lambda s: s.strip() == "", 1.0, sent, "the projector blank")
    f.wait_until(lambda: sql(path, "SELECT blank FROM projector") == "1", timeout=2, what="projector.blank saved")
    f.wait_for("SORT")  # the console says the projector is dark
    sent = time.perf_counter()
    f.send("b")
    within(p, lambda s: s == picture, 1.0, sent, "the same picture back")
    f.wait_until(lambda: sql(path, "SELECT blank FROM projector") == "0", timeout=2, what="projector.blank cleared")
    assert sql(path, "SELECT shows FROM projector") == "item"


def test_console_checks_the_projector_size(term, workdir):
    f, path = facilitator(term, workdir)
    f.wait_for("Projektor: ingen tilsluttet")
    p = term(240, 67).start("projector", FILE)
    # The projector reports its size when it starts; the console reads it.
    f.wait_for("Gør skriften større: 67 rækker", timeout=3)
    assert sql(path, "SELECT columns, rows FROM terminals WHERE role = 'projector'") == "240|67"
    assert "ingen tilsluttet" not in f.screen()
    p.resize(160, 45)
    f.wait_for("160×45", timeout=3)
    assert "Gør skriften større" not in f.screen()
    assert sql(path, "SELECT columns, rows FROM terminals WHERE role = 'projector'") == "160|45"


def test_closing_plenum_shows_the_agreements(term, workdir):
    f, path = facilitator(term, workdir)
    day = programme(path)
    # The plenum the day ends with: the last plenum item, on the agreements.
    target = max(i for i, it in enumerate(day["agenda"]) if it["kind"] == "plenum")
    assert day["agenda"][target].get("part") == "agreement", day["agenda"][target]
    group = sql(path, "SELECT id FROM groups WHERE name = 'Gruppe 1'")
    sql(path, "INSERT INTO agreement_rows(group_id, who, knowledge, due_text, position) "
              f"VALUES ({group}, 'Anna', 'Borgerpanel', '15/1', 1)")
    p = projector(term, 240, 67)
    f.send("a")
    f.wait_for("Dagens program")
    for _ in range(target - int(sql(path, "SELECT item_index FROM position"))):
        f.send("Down")
    f.send("Enter")
    f.wait_until(lambda: sql(path, "SELECT item_index FROM position") == str(target), what="jumped to the plenum")
    f.wait_until(lambda: sql(path, "SELECT shows, part, blank FROM projector") == "plenum|agreement|0", timeout=2,
                 what="projector shows the agreements plenum")
    f.wait_for("Anna – Borgerpanel")  # the console's plenum has the row as written in the file
    wall = settled(p)
    assert "█" in wall, "the projector is not blank"
    # What the projector draws is the agreements: a changed row changes the picture.
    written = time.perf_counter()
    sql(path, "UPDATE agreement_rows SET knowledge = 'Kaffeaftale' WHERE who = 'Anna'")
    changed(p, wall, 1.0, since=written)
    f.wait_for("Anna – Kaffeaftale")
    assert "█" in settled(p)


def test_projector_takes_no_keys_and_q_quits(term, workdir):
    f, path = facilitator(term, workdir)
    p = projector(term, 120, 35)
    f.wait_until(lambda: sql(path, "SELECT count(*) FROM terminals WHERE role = 'projector'") == "1", what="registered")
    content = ("SELECT (SELECT n FROM revision), (SELECT item_index || ',' || step FROM position), "
               "(SELECT shows || ',' || ifnull(part, '') || ',' || blank FROM projector), "
               "(SELECT count(*) FROM item_notes), (SELECT count(*) FROM entries), "
               "(SELECT count(*) FROM plenum_notes), (SELECT count(*) FROM agreement_rows), "
               "(SELECT count(*) FROM item_progress WHERE running_since IS NOT NULL), "
               "(SELECT group_concat(text, '|') FROM entries)")
    before = sql(path, content)
    picture = p.screen()
    for key in ("n", "Right", "Left", "Down", "Up", "Enter", "Space", "b", "a", "o", "e", "k", "m", "+", "-",
                "Tab", "BSpace", "F5", "F2", "PageDown"):
        p.send(key)
    p.type("hej med dig")
    p.send("Enter")
    # Keys are handled in order: once q has ended the program, every key before it was handled.
    p.send("q")
    p.wait_for("EXITED=0", timeout=3)
    assert sql(path, content) == before, "nothing in the file changed"
    assert sql(path, "SELECT count(*) FROM terminals WHERE role = 'projector'") == "0", "its terminals row is gone"
    assert picture.strip(), "it had drawn something before"
    f.wait_for("Projektor: ingen tilsluttet", timeout=4)


def cmark_xml(markdown):
    out = subprocess.run(["cmark", "--to", "xml"], input=markdown, capture_output=True, text=True, check=True)
    return ET.fromstring(out.stdout)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def text_of(node):
    return "".join(node.itertext()).strip()


def readable(fmt, text):
    """The minutes' words as a reader gets them: ICS lines unfolded, HTML entities and JSON
    escapes undone (so a word cannot hide behind the format)."""
    if fmt == "ics":
        return text.replace("\r\n ", "").replace("\n ", "").replace("\\,", ",").replace("\\n", "\n")
    if fmt == "html":
        return html.unescape(text)
    if fmt == "json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


def test_export_has_the_notes_only_with_the_flag(term, workdir):
    if not shutil.which("cmark"):
        pytest.skip("cmark is not installed")
    f, path = facilitator(term, workdir)
    f.send("n")
    f.wait_until(lambda: sql(path, "SELECT item_index FROM position") == "1", what="moved")
    item = write_notes(f, path, NOTE_WORD)
    template_notes = [it["notes"].strip().splitlines()[0][:40] for it in programme(path)["agenda"] if it.get("notes")]

    for fmt in ("markdown", "html", "json", "ics"):
        out = os.path.join(workdir, f"plain.{fmt}")
        r = run_cli("export", path, "--format", fmt, "-o", out, cwd=workdir)
        assert r.returncode == 0, r.stderr
        text = readable(fmt, open(out, encoding="utf-8").read())
        assert NOTE_WORD not in text, f"no notes in the {fmt} minutes without --with-notes"
        assert "Facilitatorens noter" not in text
        for line in template_notes:
            assert line not in text, f"the template's notes are not in the {fmt} minutes either: {line!r}"

    out = os.path.join(workdir, "noter.md")
    r = run_cli("export", path, "--format", "markdown", "--with-notes", "-o", out, cwd=workdir)
    assert r.returncode == 0, r.stderr
    doc = cmark_xml(open(out, encoding="utf-8").read())
    blocks = list(doc)
    headings = [i for i, b in enumerate(blocks)
                if local(b.tag) == "heading" and text_of(b) == "Facilitatorens noter"]
    assert len(headings) == 1, "one section for the notes"
    start = headings[0]
    level = blocks[start].get("level")
    end = next((i for i in range(start + 1, len(blocks))
                if local(blocks[i].tag) == "heading" and int(blocks[i].get("level")) <= int(level)), len(blocks))
    section = blocks[start + 1:end]
    paragraphs = [b for b in section if local(b.tag) == "paragraph" and NOTE_WORD in text_of(b)]
    assert paragraphs, "a paragraph with the word in the notes section"
    # Under a heading naming the item it belongs to.
    at = section.index(paragraphs[0])
    heading = next(b for b in reversed(section[:at]) if local(b.tag) == "heading")
    assert item["title"] in text_of(heading), text_of(heading)


@pytest.mark.parametrize("term_name,no_color", [("xterm-256color", ""), ("screen", ""), ("linux", ""),
                                                ("vt220", ""), ("xterm-256color", "1")])
def test_big_letters_read_in_every_terminal_and_without_colour(term, workdir, term_name, no_color):
    """The big letters are characters, not colours: in an 8-colour, a monochrome (vt220) and a
    NO_COLOR terminal the projector still draws block letters, and nothing but them."""
    f, path = facilitator(term, workdir)
    # 240×67: above 50 rows text that needs letters under 5x8 turns pages instead of falling
    # back to ordinary text (issue 23), so every character on it is a block.
    p = term(240, 67).start("projector", FILE, env={"TERM": term_name, "NO_COLOR": no_color})
    screen = settled(p)
    assert ordinary_characters(screen) == [], screen
    inked = [line for line in screen.splitlines() if line.strip()]
    assert len(inked) >= 10 and sum(line.count("█") + line.count("▀") + line.count("▄") for line in inked) > 200, screen
    # It follows the facilitator in this terminal too.
    before = screen
    f.send("n")
    changed(p, before, seconds=1.0)
