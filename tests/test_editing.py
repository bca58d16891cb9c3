"""The editing layer: several edits made as one action are each saved and kept in the log,
and whoever shows the case (the window) hears of them once, at the end."""

from __future__ import annotations

import pytest

from rolleudpeger.domain.case import Change, RuleError
from rolleudpeger.domain.people import Detail, Role, purpose
from rolleudpeger.domain.taskdef import KlikStatus, TaskDef
from rolleudpeger.editing import CaseEditor


def told(editor: CaseEditor) -> list[Change | None]:
    heard: list[Change | None] = []
    editor.subscribe(heard.append)
    return heard


def owner_keys(task: TaskDef) -> list[str]:
    return [
        task.key_for(purpose(Role.OWNER, d))
        for d in (Detail.FIRST_NAME, Detail.LAST_NAME, Detail.TITLE)
    ]


def test_the_director_made_owner_is_saved_edit_by_edit_and_shown_once(
    task: TaskDef, editor: CaseEditor
) -> None:
    editor.set_text(task.key_for(purpose(Role.LIBRARY_DIRECTOR, Detail.FULL_NAME)), "Birgitte Lund")
    heard = told(editor)
    events_before = len(editor.store.events(editor.case.id))

    assert editor.fill_owner_from_director("Bibliotekschef")

    first, last, title = owner_keys(task)
    assert editor.case.value(first) == "Birgitte"
    assert editor.case.value(last) == "Lund"
    assert editor.case.value(title) == "Bibliotekschef"
    # Each edit is in the log, as if typed one by one; the window refreshed once.
    assert len(editor.store.events(editor.case.id)) == events_before + 3
    assert len(heard) == 1 and heard[0] is not None
    # What the store holds is what the case shows.
    assert editor.store.load_case(editor.case.id).values == editor.case.values


def test_an_edit_refused_inside_one_action_still_shows_what_was_saved_before_it(
    task: TaskDef, editor: CaseEditor
) -> None:
    heard = told(editor)
    first = owner_keys(task)[0]
    with pytest.raises(RuleError), editor.one_update():
        editor.set_text(first, "Birgitte")
        assert heard == []  # not yet: the action is not over
        editor.set_klik_status(KlikStatus.COMPLETED)  # refused: the steps are not done
    assert editor.case.value(first) == "Birgitte"
    assert editor.store.load_case(editor.case.id).value(first) == "Birgitte"
    assert len(heard) == 1  # shown, although the action ended with a refusal


def test_one_action_inside_another_is_told_once_at_the_end_of_the_outer(
    task: TaskDef, editor: CaseEditor
) -> None:
    heard = told(editor)
    first, last, _ = owner_keys(task)
    with editor.one_update():
        editor.set_text(first, "Ole")
        with editor.one_update():
            editor.set_text(last, "Hansen")
        assert heard == []
    assert len(heard) == 1
    with editor.one_update():
        pass  # nothing changed: nothing to tell
    assert len(heard) == 1
    editor.set_text(first, "Ole Bent")  # outside any action: told at once
    assert len(heard) == 2
