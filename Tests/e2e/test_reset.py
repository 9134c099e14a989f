"""A rehearsal the evening before, then `tovholder reset`: the day starts afresh in the
running terminals, the groups' work stays (unless --all), and the rehearsal is kept as a
snapshot."""
import hashlib
import os
import subprocess
import time

from conftest import BIN, programme, run_cli, sql

FILE = "udviklingsdag.tovholder"


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def goal_of(path, group):
    return sql(path, f"SELECT e.text FROM entries e JOIN groups g ON g.id = e.group_id "
                     f"WHERE e.kind = 'goal' AND g.name = '{group}' AND e.deleted_at IS NULL ORDER BY e.position LIMIT 1")


def rehearse(term, workdir):
    """The facilitator moves through items and starts a timer; a group writes its goal."""
    f = term(100, 30).start()
    f.wait_for("Afslut")
    path = os.path.join(workdir, FILE)
    day = programme(path)
    p = term(80, 24).start("join", FILE, "--group", "Gruppe 1")
    p.wait_for("Arbejdsark")
    p.type("Borgeren først")
    f.wait_until(lambda: goal_of(path, "Gruppe 1") == "Borgeren først", what="the goal saved")
    p.send("Escape")  # the field is left, as a group between items
    for _ in range(4):
        f.send("Right")
    f.wait_until(lambda: int(sql(path, "SELECT item_index FROM position")) >= 2, what="moved on")
    here = int(sql(path, "SELECT item_index FROM position"))
    target = next(i for i, it in enumerate(day["agenda"]) if it["timed"] and not it["steps"] and i > here + 1)
    f.send("a")  # the agenda opens at the current item (the next one from it would be a step)
    f.wait_for("Dagens program")
    for _ in range(target - here):
        f.send("Down")
    f.send("Enter")
    f.wait_until(lambda: sql(path, "SELECT item_index FROM position") == str(target), what="jumped")
    f.send("Space")
    f.wait_until(lambda: sql(path, "SELECT count(*) FROM item_progress WHERE running_since IS NOT NULL") == "1",
                 what="the timer running")
    f.wait_for(f"Punkt {target + 1} af")
    # The first item was held for a while (the rehearsal began two hours ago).
    sql(path, "UPDATE item_progress SET actual_start = actual_start - 7200 "
              "WHERE actual_start = (SELECT min(actual_start) FROM item_progress)")
    return f, p, path, day


def test_reset_starts_the_day_afresh_in_the_running_terminals_and_keeps_the_work(term, workdir):
    f, p, path, day = rehearse(term, workdir)
    minutes = run_cli("export", path, cwd=workdir).stdout
    assert "afholdt" in minutes and "Dagen er ikke begyndt" not in minutes, minutes

    done = run_cli("reset", path, "--yes", cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert "Gruppernes arbejde er bevaret" in done.stdout
    assert "før nulstilling" in done.stdout and "tovholder restore" in done.stdout, done.stdout

    f.wait_for(f"Punkt 1 af {len(day['agenda'])}")
    f.wait_for(day["agenda"][0]["title"].split(" – ")[0][:30])
    assert sql(path, "SELECT item_index, step FROM position") == "0|0"
    assert sql(path, "SELECT count(*) FROM item_progress") == "0"
    minutes = run_cli("export", path, cwd=workdir).stdout
    assert "Dagen er ikke begyndt" in minutes and "afholdt" not in minutes, minutes
    assert "Borgeren først" in minutes
    assert goal_of(path, "Gruppe 1") == "Borgeren først", "the groups' work is kept"
    p.wait_for("Borgeren først")

    # The rehearsal is a snapshot beside the session, listed and kept.
    backups = run_cli("backups", path, cwd=workdir).stdout
    assert "før nulstilling" in backups, backups

    # Deleting the work under people who type is refused while their terminals run: they
    # are named, and nothing is changed (issue 21: words typed after it were lost).
    refused = run_cli("reset", path, "--all", "--yes", cwd=workdir)
    assert refused.returncode == 1, refused.stdout
    assert "sessionen er åben (facilitator" in refused.stderr and "participant" in refused.stderr, refused.stderr
    assert "--force" in refused.stderr and "intet er ændret" in refused.stderr
    assert goal_of(path, "Gruppe 1") == "Borgeren først"

    # A facilitator who knows better says --force; in a terminal it still asks; no is no.
    ask = term(250, 24).start("reset", FILE, "--all", "--force")
    ask.wait_for("[j/N]")
    assert "gruppernes arbejde slettes også" in ask.screen()
    ask.type("n")
    ask.send("Enter")
    ask.wait_for("EXITED=1")
    assert "intet er ændret" in ask.screen()
    assert goal_of(path, "Gruppe 1") == "Borgeren først"

    done = run_cli("reset", path, "--all", "--yes", "--force", "--lang", "en", cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert "The groups' work is deleted" in done.stdout
    assert goal_of(path, "Gruppe 1") == ""
    assert sql(path, "SELECT group_concat(name, ',') FROM groups") == ",".join(day["groups"])
    assert sql(path, "SELECT count(*) FROM entries WHERE text != ''") == "0"
    f.wait_for(f"Punkt 1 af {len(day['agenda'])}")
    assert "Borgeren først" not in run_cli("export", path, cwd=workdir).stdout
    assert int(sql(path, "SELECT count(*) FROM terminals")) >= 2, "the running terminals stay on the list"


def test_a_reset_needs_yes_without_a_terminal(workdir):
    path = os.path.join(workdir, FILE)
    assert run_cli("new", path, cwd=workdir).returncode == 0
    before = digest(path)
    refused = subprocess.run([BIN, "reset", path], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             env=dict(os.environ, LANG="C.UTF-8"))
    assert refused.returncode == 1
    assert "--yes" in refused.stderr and path in refused.stderr, refused.stderr
    assert digest(path) == before
    assert not os.path.exists(path + ".snapshots"), "nothing taken either"


def test_a_file_that_is_no_session_is_refused_and_left_byte_for_byte(workdir):
    path = os.path.join(workdir, "noter.tovholder")
    with open(path, "w") as f:
        f.write("Husk kaffe til udviklingsdagen\n")
    before = digest(path)
    refused = run_cli("reset", path, "--yes", cwd=workdir)
    assert refused.returncode == 1
    assert path in refused.stderr and refused.stderr.count("\n") == 1, refused.stderr
    assert digest(path) == before
    assert sorted(os.listdir(workdir)) == ["noter.tovholder"], "no snapshot, no sidecar"

    missing = run_cli("reset", os.path.join(workdir, "findes-ikke.tovholder"), "--yes", cwd=workdir)
    assert missing.returncode == 1 and "findes-ikke.tovholder" in missing.stderr
    assert sorted(os.listdir(workdir)) == ["noter.tovholder"]


def test_r_on_the_agenda_asks_and_starts_the_day_afresh(term, workdir):
    f = term(100, 30).start()
    f.wait_for("Afslut")
    path = os.path.join(workdir, FILE)
    f.send("Right")
    f.send("Right")
    f.wait_until(lambda: sql(path, "SELECT item_index FROM position") == "2", what="moved on")
    f.send("a")
    f.wait_for("Dagens program")
    f.send("R")
    f.wait_for("Start dagen forfra? Gruppernes arbejde bevares")
    f.send("Escape")
    time.sleep(0.3)  # Esc alone, not Alt+letter
    assert "Start dagen forfra?" not in f.screen()
    assert sql(path, "SELECT item_index FROM position") == "2", "no is no"
    f.send("R")
    f.wait_for("Start dagen forfra?")
    f.send("Enter")
    screen = f.wait_for("Dagen starter forfra. Øjebliksbillede:")
    assert "Punkt 1 af" in screen
    assert sql(path, "SELECT item_index, step FROM position") == "0|0"
    assert sql(path, "SELECT count(*) FROM item_progress") == "0"
    assert "før nulstilling" in run_cli("backups", path, cwd=workdir).stdout
