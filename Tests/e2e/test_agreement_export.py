"""The end of the day in a real terminal: a group fills in its agreement form (a Danish date
typed wrong, then right), the facilitator exports the minutes with one key, and the
command line exports every format."""
import json
import os

from conftest import open_agreement_form, run_cli, sql

FILE = "udviklingsdag.tovholder"


def test_fill_an_agreement_and_export_from_the_screen(term, workdir):
    t = term(100, 30).start()
    t.wait_for("Afslut")
    path = os.path.join(workdir, FILE)
    open_agreement_form(t, path)
    # A form: the first question is focused, and typing goes straight into it.
    t.type("Borgerpanelet og æøå 🎤"); t.send("Escape")
    t.wait_until(lambda: sql(path, "SELECT perspectives FROM agreements") == "Borgerpanelet og æøå 🎤", what="saved")
    t.send("Down"); t.send("Down")  # "+ Ny aftale (skriv her)"
    t.wait_for("+ Ny aftale (skriv her)")
    t.type("A")  # typing on the "add" line creates the row, with the letter in "Hvem"
    t.wait_until(lambda: sql(path, "SELECT count(*) FROM agreement_rows") == "1", what="row added")
    t.wait_for("Hvem:")
    t.type("nne")
    t.send("Tab"); t.type("Erfaringer fra Ballerup")
    t.send("Tab"); t.type("31/2")
    t.wait_for("februar har ikke 31 dage")
    for _ in range(4):
        t.send("BSpace")
    t.type("18/1")
    t.wait_for("18. januar 2024")
    t.send("Escape")
    t.wait_until(lambda: sql(path, "SELECT who, knowledge, due_text FROM agreement_rows")
                 == "Anne|Erfaringer fra Ballerup|18/1", what="row saved")
    t.send("Escape"); t.wait_for("Aftaleskema · Gruppe 1")  # Esc leaves a field, never the form (issue 22)
    t.send("F5"); t.wait_for("Arbejdsark · Gruppe 1")
    t.send("Escape"); t.wait_for("Grupper")
    t.send("Escape"); t.wait_for("Gruppearbejde: Aftaleskema")
    t.send("x")
    t.wait_for("Referatet er gemt")
    md = open(os.path.join(workdir, "udviklingsdag.referat.md"), encoding="utf-8").read()
    assert "Borgerpanelet og æøå 🎤" in md and "Anne" in md
    assert "18\\. januar 2024" in md or "18. januar 2024" in md  # Markdown may escape "18."
    for ext in ("html", "ics", "json"):
        assert os.path.getsize(os.path.join(workdir, "udviklingsdag.referat." + ext)) > 0


def test_export_from_the_command_line(term, workdir):
    t = term().start()
    t.wait_for("Afslut")
    t.send("q")
    t.wait_for("EXITED=0")
    path = os.path.join(workdir, FILE)
    md = run_cli("export", path)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# ") and "Borgerens møde med kommunen" in md.stdout
    en = run_cli("export", path, "--lang", "en")
    assert en.returncode == 0 and en.stdout != md.stdout
    out = os.path.join(workdir, "dag.ics")
    ics = run_cli("export", path, "--format", "ics", "-o", out)
    assert ics.returncode == 0 and open(out, "rb").read().startswith(b"BEGIN:VCALENDAR\r\n")
    data = json.loads(run_cli("export", path, "--format", "json").stdout)
    assert data["schema_version"] == 2
    assert run_cli("export", path, "--format", "pdf").returncode == 2
    missing = run_cli("export", os.path.join(workdir, "findes-ikke.tovholder"))
    assert missing.returncode == 1 and "findes-ikke.tovholder" in missing.stderr
