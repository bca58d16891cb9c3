"""The mail to KOMBIT: built from the project leader alone, so no one else's data can leak in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rolleudpeger.domain.municipalities import Municipality
from rolleudpeger.domain.people import Person
from rolleudpeger.domain.taskdef import MailDef
from rolleudpeger.domain.timefmt import local
from rolleudpeger.domain.validation import format_phone, is_valid_email, is_valid_phone
from rolleudpeger.i18n import translate


@dataclass(frozen=True)
class Mail:
    """A mail to KOMBIT, as it will be or was sent. It is always in Danish: KOMBIT reads
    it, whatever language the interface is in."""

    to: str
    subject: str
    body: str

    @property
    def as_text(self) -> str:
        return f"Til: {self.to}\nEmne: {self.subject}\n\n{self.body}"


def leader_problems(leader: Person) -> list[str]:
    """What is missing in the leader's details before KOMBIT can be told."""
    problems = []
    if not leader.first_name:
        problems.append(translate("Mail", "projektlederens fornavn"))
    if not leader.last_name:
        problems.append(translate("Mail", "projektlederens efternavn"))
    if not is_valid_email(leader.email):
        problems.append(translate("Mail", "en gyldig e-mail til projektlederen"))
    if not is_valid_phone(leader.phone):
        problems.append(translate("Mail", "et gyldigt telefonnummer til projektlederen"))
    return problems


def build_kombit_mail(
    mail: MailDef, task_title: str, municipality: Municipality, leader: Person
) -> Mail:
    """The mail that tells KOMBIT who the project leader is.

    It takes the leader as its only person on purpose: KOMBIT shall not have the
    project owner's name (task card), and this signature makes that impossible.
    """
    values = {
        "municipality": municipality.official_name,
        "code": municipality.code,
        "task_title": task_title,
        "first_name": leader.first_name,
        "last_name": leader.last_name,
        "email": leader.email,
        "phone": format_phone(leader.phone),
    }
    return Mail(
        to=mail.to,
        subject=mail.subject.format(**values),
        body=mail.body.format(**values).strip() + "\n",
    )


def mailto_url(mail: Mail) -> str:
    """A mailto: link with UTF-8, percent-encoded subject and body (CRLF line breaks, RFC 6068)."""
    from urllib.parse import quote  # noqa: PLC0415

    body = mail.body.replace("\r\n", "\n").replace("\n", "\r\n")
    subject, body = quote(mail.subject, safe=""), quote(body, safe="")
    return f"mailto:{quote(mail.to, safe='@')}?subject={subject}&body={body}"


def as_eml(mail: Mail, at: datetime) -> bytes:
    """The mail as an unsent draft (.eml), dated `at` in local time with its UTC offset
    (RFC 5322): `X-Unsent: 1` makes classic Outlook open it ready to send."""
    from email import policy  # noqa: PLC0415
    from email.message import EmailMessage  # noqa: PLC0415
    from email.utils import format_datetime  # noqa: PLC0415

    message = EmailMessage(policy=policy.SMTP)
    message["Date"] = format_datetime(local(at))
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["X-Unsent"] = "1"
    message.set_content(mail.body)
    return message.as_bytes()
