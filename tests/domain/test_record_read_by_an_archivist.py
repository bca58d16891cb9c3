"""What an outside round found reading 0.3.0's report as an archivist: a stated day missing
from the report, a mail called replaced by a mail that does not exist, and a period that
ran backwards (a takeover day ahead, "15.01.2027 – nu")."""

from __future__ import annotations

from rolleudpeger.domain.people import Role
from rolleudpeger.editing import CaseEditor
from tests.conftest import demo


def test_the_day_plus_was_granted_is_in_the_report_beside_when_it_was_ticked(
    editor: CaseEditor,
) -> None:
    demo(editor)
    editor.set_text("plus_granted_on", "12.10.2026")
    rows = dict(editor.report().agreements)
    said = rows["PLUS-rettigheden i KLIK tildelt den"]
    assert said.startswith("12.10.2026 (markeret ") and "kl." in said


def test_a_mail_about_a_replaced_leader_is_not_called_replaced_by_a_later_mail(
    editor: CaseEditor,
) -> None:
    demo(editor)  # the mail about Maja is sent
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    earlier = editor.report().earlier_mails
    assert len(earlier) == 1
    assert "afløst af en senere mail" not in earlier[0].status
    assert earlier[0].status.startswith("om en tidligere projektleder")


def test_a_period_whose_takeover_lies_ahead_never_runs_backwards(editor: CaseEditor) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2099", decided_by="Birgitte Lund")
    for key, value in (("leader_first_name", "Bo"), ("leader_last_name", "Nielsen")):
        editor.set_text(key, value)
    current = editor.report().appointments[0]
    assert current.name == "Bo Nielsen"
    assert "Periode: fra 15.01.2099" in current.details
    assert not any("– nu" in d for d in current.details)
