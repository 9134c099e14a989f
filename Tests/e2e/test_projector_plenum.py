"""Issue 23 on a real projector terminal: the plenum shows every group at once and stands
still (no page turning when the groups fit), and a paged screen opens on its first page."""
import re
import time

import pytest

from conftest import sql
from test_projector import FILE, facilitator, settled

# About 40 characters, as groups write a goal; the last word tells group and goal apart.
GOAL = "Borgeren møder én fast kontakt mål{g}x{n}"


def fill_goals(path, groups=4, goals=2):
    """Two goals for each of the first four groups, written into the file as a group's terminal would."""
    ids = sql(path, "SELECT id FROM groups ORDER BY position").split()[:groups]
    assert len(ids) == groups, f"the reference day has {len(ids)} groups"
    for g, gid in enumerate(ids, 1):
        for n in range(1, goals + 1):
            sql(path, "INSERT INTO entries(group_id, kind, text, position, created_at, updated_at) "
                      f"VALUES ({gid}, 'goal', '{GOAL.format(g=g, n=n)}', {n}, strftime('%s','now'), strftime('%s','now'))")


@pytest.mark.parametrize("width,height", [(160, 45), (240, 67)])
def test_the_plenum_of_four_groups_stands_still_for_25_seconds(term, workdir, width, height):
    f, path = facilitator(term, workdir)
    fill_goals(path)
    p = term(width, height).start("projector", FILE)
    settled(p)
    f.send("o")
    f.wait_until(lambda: sql(path, "SELECT shows FROM projector") == "plenum", timeout=3, what="the projector shows the plenum")
    first = settled(p)
    if height <= 50:
        # Ordinary bold text at 45 rows: every group's goals are there, and no page marker.
        for g in range(1, 5):
            for n in (1, 2):
                assert f"mål{g}x{n}" in first, first
        assert not re.search(r"\b\d+/\d+\b", first), first
    else:
        assert "█" in first
    deadline = time.time() + 25
    while time.time() < deadline:
        assert p.screen() == first, "the plenum changed page while every group fits"
        time.sleep(1)


@pytest.mark.parametrize("width,height", [(80, 24), (160, 45)])
def test_the_worked_example_opens_on_its_first_page(term, workdir, width, height):
    f, path = facilitator(term, workdir)
    p = term(width, height).start("projector", FILE)
    settled(p)
    f.send("e")
    f.wait_until(lambda: sql(path, "SELECT shows FROM projector") == "example", timeout=3, what="the projector shows the example")
    screen = settled(p)
    marker = re.search(r"\b(\d+)/(\d+)\b", screen)
    if width == 80:
        assert marker, f"the example pages at 80×24:\n{screen}"
    if marker:
        assert marker.group(1) == "1", f"opened on page {marker.group(0)}:\n{screen}"
