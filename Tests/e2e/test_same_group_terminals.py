"""Issue 22, point 5: two terminals of one group from one address (two local `join`s: the same
group, user and host, so the same label) are told apart by their connection. The second is
shown that another terminal writes in the field, is refused when it types there, never
overwrites the first one's words, and sees them as they are typed.

The bug this catches: a lease under one's own label counted as one's own, so each terminal
replaced the other's words with no notice, and the second screen showed stale text."""
import os

from conftest import run_cli, sql

FILE = "dag.tovholder"


def texts(path):
    return sql(path, "SELECT text FROM entries WHERE kind = 'goal' AND text <> '' ORDER BY id").splitlines()


def test_two_joins_of_one_group_from_one_host_never_overwrite_each_other(term, workdir):
    path = os.path.join(workdir, FILE)
    assert run_cli("new", path, cwd=workdir).returncode == 0
    first = term(80, 24).start("join", FILE, "--group", "Gruppe 1")
    second = term(80, 24).start("join", FILE, "--group", "Gruppe 1")
    first.wait_for("Arbejdsark · Gruppe 1")
    second.wait_for("Arbejdsark · Gruppe 1")

    first.type("Alfa")  # the first goal has the focus on both screens
    first.wait_until(lambda: texts(path) == ["Alfa"], what="the first terminal's goal saved")
    second.wait_for("Alfa")
    second.wait_for("✎ Gruppe 1 · anden terminal skriver her…")

    second.type("Beta")
    second.wait_for("anden terminal skriver der")  # refused, and told why
    first.type(" og Gamma")
    first.wait_until(lambda: texts(path) == ["Alfa og Gamma"], what="the first terminal goes on")
    second.wait_for("Mål 1  Alfa og Gamma")  # the new text at once, not at Esc
    assert "Beta" not in second.screen()
    assert sql(path, "SELECT count(*) FROM entries WHERE text LIKE '%Beta%'") == "0", "nothing overwritten"

    # The first leaves the field: now the second may write there, after the first one's words.
    first.send("Escape")
    second.wait_until(lambda: "anden terminal skriver her" not in second.screen(), what="the field is free again")
    second.send("End")
    second.type(" og Beta")
    second.wait_until(lambda: texts(path) == ["Alfa og Gamma og Beta"], what="the second terminal's words after the first's")
    first.wait_for("Alfa og Gamma og Beta")
    first.wait_for("✎ Gruppe 1 · anden terminal skriver her…")
