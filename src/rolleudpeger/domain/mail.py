"""The mail to KOMBIT: built from the project leader alone, so no one else's data can leak in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.charset import QP, Charset  # (loaded at start anyway, by the standard library)
from email.header import Header
from email.message import Message
from email.utils import format_datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

from rolleudpeger.domain.municipalities import Municipality
from rolleudpeger.domain.people import Person, Role
from rolleudpeger.domain.taskdef import MailDef, TaskDef
from rolleudpeger.domain.text import name_words, normal, same_name
from rolleudpeger.domain.timefmt import local
from rolleudpeger.domain.validation import (
    format_phone,
    is_valid_email,
    is_valid_phone,
    read_date,
)
from rolleudpeger.i18n import translate

if TYPE_CHECKING:  # the case imports this module; the mail only reads the case
    from rolleudpeger.domain.case import Case, RolePeriod, SentMail


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


def may_sign(signer: str, owner: Person) -> bool:
    """Whether `signer` may sign the mail: KOMBIT shall not have the project owner's name,
    so not when the signer carries the owner's last name (a colleague with the same last
    name then signs as the municipality instead, rather than risk it), nor, for an owner
    whose last name has no letters, any word of the owner's name. Names are compared as
    they look (domain.text.name_key): "Lefèvre" typed and "LEFÈVRE" pasted match."""
    if not signer.strip():
        return False
    words = name_words(signer)
    last = name_words(owner.last_name)
    if last:
        return not last & words
    return not name_words(owner.name) & words and not same_name(signer, owner.name)


def build_kombit_mail(
    mail: MailDef,
    task_title: str,
    municipality: Municipality,
    leader: Person,
    *,
    signer: str = "",
    former: str | None = None,
    effective_date: str = "",
) -> Mail:
    """The mail that tells KOMBIT who the project leader is, signed by `signer` (the
    performer of the KLIK task) on behalf of the municipality, or by the municipality.

    The leader is its only person; the signer is a name the caller has checked with
    may_sign: KOMBIT shall not have the project owner's name (task card). `former` is
    the leader the new one replaces ("" when that name may not be given; None when the
    leader replaces no one). A new leader with the day they take over (`effective_date`,
    "15.01.2027") gets a mail of its own (`new_subject`, `new_body`): a new message, not
    an answer to the task; without that day (a change 0.2.0 registered, which asked for
    none) the first mail's wording says whom the leader replaces."""
    values = {
        "municipality": municipality.official_name,
        "code": municipality.code,
        "task_title": task_title,
        "first_name": leader.first_name,
        "last_name": leader.last_name,
        "email": leader.email,
        "phone": format_phone(leader.phone),
        "effective_date": effective_date,
    }
    subject, template = mail.subject, mail.body
    if former is not None and effective_date and mail.new_body:
        subject, template = mail.new_subject, mail.new_body
    signature = (mail.signature if signer else mail.signature_unnamed).format(
        signer=signer, **values
    )
    replaces = ""
    if former is not None:
        replaces = (mail.replaces if former else mail.replaces_unnamed).format(former=former)
    body = template.format(signature=signature.strip(), replaces=replaces.strip(), **values)
    body = re.sub(r" *\n{3,}", "\n\n", body)  # no empty paragraph where nothing is replaced
    body = re.sub(r" +\n", "\n", body)  # nor a space where a sentence was left out
    return Mail(to=mail.to, subject=subject.format(**values), body=body.strip() + "\n")


_FACT_LINE = re.compile(r"^[^:\n]{1,40}: (.+)$", re.MULTILINE)


def same_facts(sent: Mail, current: Mail, leader: Person, municipality_name: str) -> bool:
    """Whether a sent mail told KOMBIT what the current one would: the leader's four
    details and the municipality. Compared by content, so a mail sent with an earlier
    wording of the template (or another signer) is not outdated; only facts make it so
    (in one normal form: a name stored decomposed by an older version is no new fact)."""
    told = {normal(fact) for fact in _FACT_LINE.findall(sent.body)}
    facts = (leader.first_name, leader.last_name, leader.email, format_phone(leader.phone))
    return (
        all(normal(fact) in told for fact in facts)
        and normal(municipality_name) in normal(sent.subject + sent.body)
        and sent.to == current.to
    )


def mailto_url(mail: Mail) -> str:
    """A mailto: link with UTF-8, percent-encoded subject and body (CRLF line breaks, RFC 6068)."""
    body = mail.body.replace("\r\n", "\n").replace("\n", "\r\n")
    subject, body = quote(mail.subject, safe=""), quote(body, safe="")
    return f"mailto:{quote(mail.to, safe='@')}?subject={subject}&body={body}"


def as_eml(mail: Mail, at: datetime) -> bytes:
    """The mail as an unsent draft (.eml), dated `at` in local time with its UTC offset
    (RFC 5322): `X-Unsent: 1` makes classic Outlook open it ready to send.

    Built with the email package's older API on purpose: its newer header folding drops
    the space at a fold between encoded words, so a long Danish subject came out as
    "FBS,Københavns" (30 of the 98 municipalities' subjects; tested). Header() splits the
    subject into RFC 2047 words that read back exactly."""
    from email import policy  # noqa: PLC0415 - late: startup.py

    charset = Charset("utf-8")
    charset.body_encoding = QP  # readable in the file, 7-bit safe
    message = Message()
    message["MIME-Version"] = "1.0"
    message["Date"] = format_datetime(local(at))
    message["To"] = mail.to
    message["Subject"] = Header(mail.subject, "utf-8", header_name="Subject").encode()
    message["X-Unsent"] = "1"
    message.set_payload(mail.body, charset)  # Content-Type and quoted-printable
    return message.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))


# --- the mail of a case -------------------------------------------------------------


@dataclass(frozen=True)
class MailState:
    """The mail as it stands: what would be sent now, what was sent, and what is missing."""

    current: Mail | None
    sent: SentMail | None
    problems: tuple[str, ...]

    recipient: str = ""  # whom the mail goes to
    outdated: bool = False  # the recipient has details that differ from those recorded now
    unsigned_because_owner: bool = False  # the performer may be the owner: signed unnamed

    @property
    def missing(self) -> str | None:
        if self.sent is None:
            if self.problems:
                return translate("Case", "Før mailen kan sendes, mangler: {items}").format(
                    items=", ".join(self.problems)
                )
            return translate("Case", "Send mailen til {to}, og markér den som sendt").format(
                to=self.recipient
            )
        if self.outdated:
            return translate(
                "Case", "Send de opdaterede oplysninger om projektlederen til {to}"
            ).format(to=self.recipient)
        return None


def _signer(task: TaskDef, case: Case) -> str:
    performer = case.person(task, Role.PERFORMER).name
    return performer if may_sign(performer, case.person(task, Role.OWNER)) else ""


def told_of(case: Case) -> RolePeriod | None:
    """The former leader KOMBIT was last told of before the current leader: the one who
    led when the newest mail still standing from before the current leader's period was
    marked sent. None when KOMBIT was told of no former leader (no mail before the current
    leader): then the mail names no one it replaces, and it is the first mail, not the
    mail about a new leader. Mails about the current leader do not count: a detail
    corrected after the mail about a new leader makes a mail about the new leader again
    (it went back to the first mail's wording)."""
    since = case.period_start(Role.LEADER)
    standing = [
        m.sent_at
        for m in case.mails
        if m.withdrawn_at is None and (since is None or m.sent_at < since)
    ]
    if not standing:
        return None
    last = max(standing)
    periods = sorted(case.former(Role.LEADER), key=lambda p: p.ended_at)
    return next((p for p in periods if p.ended_at >= last), None)


def current_mail(task: TaskDef, case: Case) -> Mail | None:
    municipality = case.municipality(task)
    leader = case.person(task, Role.LEADER)
    if municipality is None or leader_problems(leader):
        return None
    told = told_of(case)
    if told is not None and same_name(told.person.name, leader.name):
        told = None  # the one KOMBIT knows, named again: no one is replaced (nor herself)
    replaced = None
    effective = ""
    if told is not None:
        name = told.person.name
        # Never the owner's name, not even as the one replaced (the old leader may have
        # become the owner).
        replaced = name if may_sign(name, case.person(task, Role.OWNER)) else ""
        takeover = case.takeovers.get(Role.LEADER.key)
        day = read_date(takeover.effective_on) if takeover else None
        effective = day.strftime("%d.%m.%Y") if day else ""
    return build_kombit_mail(
        task.mail,
        task.mail.task_title,
        municipality,
        leader,
        signer=_signer(task, case),
        former=replaced,
        effective_date=effective,
    )


def mail_state(task: TaskDef, case: Case) -> MailState:
    problems = leader_problems(case.person(task, Role.LEADER))
    if not case.value(task.municipality_key):
        problems.insert(
            0,
            translate("Case", "kommunen ({step})").format(
                step=task.step_of_field(task.municipality_key).in_sentence
                if task.municipality_key
                else task.intro.title
            ),
        )
    current, sent = current_mail(task, case), case.last_sent_mail
    municipality = case.municipality(task)
    outdated = (
        sent is not None
        and current is not None
        and municipality is not None
        and not same_facts(
            sent.mail, current, case.person(task, Role.LEADER), municipality.official_name
        )
    )
    if sent is not None and current is not None and not outdated:
        # Sent, and still true: the mail is the one sent, word for word. Built again, it
        # would name no leader replaced (KOMBIT has heard of this one) and read as the
        # first mail — the page showed, and would copy, a mail that was never sent.
        current = sent.mail
    performer = case.person(task, Role.PERFORMER).name
    return MailState(
        current,
        sent,
        tuple(problems),
        task.mail.to,
        outdated,
        unsigned_because_owner=bool(performer) and not _signer(task, case),
    )
