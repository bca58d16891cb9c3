"""The task definition: everything about one KLIK task, loaded and checked from a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from rolleudpeger.domain import people
from rolleudpeger.domain.municipalities import Municipality
from rolleudpeger.i18n import LANGUAGES, SOURCE_LANGUAGE, translate

FORMAT_VERSION = 1


class FieldKind(StrEnum):
    """What a field records, and so which widget shows it and which rule checks it."""

    MUNICIPALITY = "municipality"
    NAME = "name"
    TEXT = "text"
    NOTES = "notes"
    EMAIL = "email"
    PHONE = "phone"
    CHECK = "check"
    KLIK_STATUS = "klik_status"
    QUESTIONS = "questions"
    MAIL = "mail"
    MISSING = "missing"
    REVIEW = "review"
    REPORT = "report"
    OWNER_FROM_DIRECTOR = "owner_from_director"
    DATE = "date"
    ROLE_CHANGE = "role_change"  # a button: a new person takes over the role (purpose)
    ROLE_HISTORY = "role_history"  # the former leaders and owners
    MAIL_HISTORY = "mail_history"  # every mail marked sent
    DEADLINE_CALENDAR = "deadline_calendar"  # saves the KLIK deadline as an .ics event


class KlikStatus(StrEnum):
    """The execution status of a task in KLIK (KLIK's own words, in both languages)."""

    NOT_STARTED = "Ikke påbegyndt"
    STARTED = "Påbegyndt"
    COMPLETED = "Fuldført"

    @property
    def rank(self) -> int:
        return list(KlikStatus).index(self)


class StepKind(StrEnum):
    """What a step is: the intro (the task card and the case's own details, unnumbered)
    or a numbered step of the method."""

    INTRO = "intro"
    STEP = "step"


class Purpose(StrEnum):
    """What a field of the case (not of a person) is for, so that rules find it in any task
    by purpose, never by key. The values are written in task files; people's fields have
    `people.purpose(role, detail)`: "leader.email". A misspelt purpose fails in mypy, and
    at run time in `TaskDef.key_for`, never silently as an empty value."""

    CASE_NUMBER = "case_number"  # the municipality's own case number, on the report's first page
    DECIDED_BY = "decided_by"  # who decided the appointment
    DECISION_DATE = "decision_date"  # when
    WEBINAR_INVITATION = "webinar_invitation"  # the leader got KOMBIT's webinar invitation
    AGREEMENT = "agreement"  # text worth filing in full; the report labels it `report_label`
    KLIK_DEADLINE = "klik_deadline"  # the deadline KLIK shows for the task


AnyPurpose = Purpose | people.PersonPurpose
PURPOSES: frozenset[str] = frozenset(
    {people.purpose(role, d) for role in people.Role for d in people.Detail}
    | {p.value for p in Purpose}
)
REPEATABLE_PURPOSES = frozenset({Purpose.AGREEMENT.value})


class TaskDefinitionError(Exception):
    """The task definition file is missing or wrong; the message names the file and the fault."""


@dataclass(frozen=True)
class Link:
    """A link shown on a step page."""

    label: str
    url: str


@dataclass(frozen=True)
class FieldDef:
    """One thing a step records."""

    key: str
    kind: FieldKind
    label: str
    required: bool = False
    group: str = ""
    placeholder: str = ""
    hint: str = ""  # a standing line under the field, where its messages show
    status: str = ""  # for klik_status fields: the status this field sets
    purpose: str = ""  # what the field is for (PURPOSES), so rules need not know its key
    report_label: str = ""  # for "agreement" fields: the label that reads on paper
    default_title: str = ""  # for owner_from_director: the title filled in when none is
    # For a date field: the check box (on the same step) whose fact this date states, e.g.
    # when PLUS was granted. Ticking the box fills in today's date when none is written.
    date_of: str = ""

    @property
    def full_label(self) -> str:
        """ "Projektleder – Fornavn": the group tells apart fields with the same label."""
        return f"{self.group} – {self.label}" if self.group else self.label


@dataclass(frozen=True)
class StepDef:
    """One step of the method (numbered from 1), or the intro (index 0)."""

    index: int
    key: str
    title: str
    guidance: str
    links: tuple[Link, ...]
    fields: tuple[FieldDef, ...]
    kind: StepKind = StepKind.STEP

    @property
    def is_intro(self) -> bool:
        return self.kind is StepKind.INTRO

    @property
    def heading(self) -> str:
        """ "Trin 4 · Angiv ansvarlig og udfører" (the intro: its title), heading a line."""
        if self.is_intro:
            return self.title
        return translate("Case", "Trin {number} · {title}").format(
            number=self.index, title=self.title
        )

    @property
    def in_sentence(self) -> str:
        """ "trin 4: Angiv ansvarlig og udfører" (the intro: its title), inside a sentence;
        messages name steps this way, never by a number written into the text."""
        if self.is_intro:
            return self.title
        return translate("Case", "trin {number}: {title}").format(
            number=self.index, title=self.title
        )

    def field(self, key: str) -> FieldDef | None:
        return next((f for f in self.fields if f.key == key), None)

    def field_of_kind(self, kind: FieldKind) -> FieldDef | None:
        return next((f for f in self.fields if f.kind is kind), None)


@dataclass(frozen=True)
class MailDef:
    """The mail to KOMBIT as templates; only the project leader's details fill it."""

    to: str
    subject: str
    body: str
    webinar: str
    # The end of the body: `signature` names the signer (the performer of the KLIK task) on
    # behalf of the municipality; `signature_unnamed` is used when no one can be named.
    signature: str = "{signer}"
    signature_unnamed: str = "{municipality}"
    # Said in the body ({replaces}) when a new leader replaces an earlier one, with the
    # earlier one's name ({former}), or without it when it may not be given.
    replaces: str = ""
    replaces_unnamed: str = ""
    # The task's name in KLIK, which the mail quotes. KOMBIT reads Danish, so it is the
    # Danish title also when the interface is in English.
    task_title: str = ""
    # The mail about a new leader, a new message rather than an answer to the task: its own
    # subject and body, with {effective_date}, the day the new leader takes over. Empty: the
    # first mail's templates are used (with {replaces}).
    new_subject: str = ""
    new_body: str = ""


@dataclass(frozen=True)
class TaskDef:
    """A whole KLIK task: its card and its steps."""

    id: str
    title: str
    phase: str
    theme: str
    priority: str
    recommended_performer: str
    involved_parties: tuple[str, ...]
    goal: str
    description: str
    result: str
    mail: MailDef
    steps: tuple[StepDef, ...]
    source: Path
    municipalities: tuple[Municipality, ...] = ()

    def municipality(self, code: str) -> Municipality | None:
        return next((m for m in self.municipalities if m.code == code), None)

    # Lookups by key and purpose, indexed once: the rules ask them for every field at every
    # edit (the window checks all its pages after each change). A frozen dataclass keeps a
    # cached_property in its own __dict__; the task never changes after loading.
    @cached_property
    def _steps_by_key(self) -> dict[str, StepDef]:
        return {s.key: s for s in self.steps}

    @cached_property
    def _where_field(self) -> dict[str, tuple[StepDef, FieldDef]]:
        return {f.key: (s, f) for s in reversed(self.steps) for f in reversed(s.fields)}

    @cached_property
    def _by_purpose(self) -> dict[str, tuple[FieldDef, ...]]:
        found: dict[str, list[FieldDef]] = {}
        for s in self.steps:
            for f in s.fields:
                found.setdefault(f.purpose, []).append(f)
        return {p: tuple(fields) for p, fields in found.items()}

    @property
    def municipality_key(self) -> str:
        """The key of the field that names the municipality ("" when there is none)."""
        found = self.field_of_kind(FieldKind.MUNICIPALITY)
        return found.key if found else ""

    def step(self, key: str) -> StepDef:
        return self._steps_by_key[key]  # KeyError: no such step

    def field(self, key: str) -> FieldDef:
        return self._where_field[key][1]  # KeyError: no such field

    def step_of_field(self, key: str) -> StepDef:
        return self._where_field[key][0]

    @property
    def intro(self) -> StepDef:
        return self.steps[0]  # the loader makes sure it is the intro

    @property
    def method_steps(self) -> tuple[StepDef, ...]:
        """The numbered steps (all but the intro)."""
        return self.steps[1:]

    def fields_for(self, purpose: AnyPurpose) -> tuple[FieldDef, ...]:
        """The fields that serve a purpose (one, except for repeatable purposes). A purpose
        no task can have is a mistake in the code: ValueError, not an empty answer."""
        if purpose not in PURPOSES:
            raise ValueError(f"no such purpose: {purpose!r}")
        return self._by_purpose.get(purpose, ())

    def key_for(self, purpose: AnyPurpose) -> str:
        """The key of the field that serves a purpose, or "" when this task has none (a
        case holds no value under "", so `case.value(task.key_for(...))` is then "")."""
        found = self.fields_for(purpose)
        return found[0].key if found else ""

    def field_of_kind(self, kind: FieldKind) -> FieldDef | None:
        """The first field of a kind (the questions, the mail), if the task has one."""
        return next((f for s in self.steps for f in s.fields if f.kind is kind), None)

    def step_of_kind(self, kind: FieldKind) -> StepDef | None:
        """The step holding the first field of a kind."""
        found = self.field_of_kind(kind)
        return self.step_of_field(found.key) if found else None

    def date_field_of(self, check_key: str) -> FieldDef | None:
        """The date field that states when a check box's fact happened (`date_of`)."""
        return next((f for s in self.steps for f in s.fields if f.date_of == check_key), None)

    def step_where_named(self, role: people.Role) -> StepDef | None:
        """The step where a role's name is written (None when the task has no such field)."""
        key = self.key_for(people.purpose(role, people.Detail.FULL_NAME)) or self.key_for(
            people.purpose(role, people.Detail.FIRST_NAME)
        )
        return self.step_of_field(key) if key else None

    def status_step(self, status: KlikStatus) -> StepDef | None:
        """The step where a KLIK status is set (None when the task has no such field)."""
        fdef = self.status_field(status)
        return self.step_of_field(fdef.key) if fdef else None

    def status_field(self, status: str) -> FieldDef | None:
        """The klik_status field that sets a status."""
        return next(
            (
                f
                for s in self.steps
                for f in s.fields
                if f.kind is FieldKind.KLIK_STATUS and f.status == status
            ),
            None,
        )


def in_sentence(step: StepDef | None) -> str:
    """A step as a sentence names it ("trin 4: …"), or "" when there is none."""
    return step.in_sentence if step else ""


MAIL_PLACEHOLDERS = {
    "municipality": "Aarhus Kommune",
    "code": "751",
    "task_title": "Titel",
    "first_name": "Fornavn",
    "last_name": "Efternavn",
    "email": "a@b.dk",
    "phone": "+45 12 34 56 78",
    "signature": "Jonas Kjær\npå vegne af Aarhus Kommune",
    "signer": "Jonas Kjær",
    "replaces": "Den nye projektleder afløser Ole Hansen.",
    "former": "Ole Hansen",
    "effective_date": "15.01.2027",
}


class _Reader:
    """Reads typed values from the parsed TOML and names the place of any fault."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, what: str) -> TaskDefinitionError:
        return TaskDefinitionError(
            translate("TaskDefinition", "Opgavefilen {path} er ugyldig: {where}: {what}").format(
                path=self.path, where=where, what=what
            )
        )

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = table.get(key, "" if not required else None)
        if value is None:
            raise self.fail(where, translate("TaskDefinition", "»{key}« mangler").format(key=key))
        if not isinstance(value, str):
            raise self.fail(
                where, translate("TaskDefinition", "»{key}« skal være tekst").format(key=key)
            )
        value = value.strip()
        if required and not value:
            raise self.fail(where, translate("TaskDefinition", "»{key}« er tom").format(key=key))
        return value

    def table(self, parent: dict[str, Any], key: str, where: str) -> dict[str, Any]:
        value = parent.get(key)
        if not isinstance(value, dict):
            raise self.fail(
                where, translate("TaskDefinition", "afsnittet [{key}] mangler").format(key=key)
            )
        return value

    def tables(self, parent: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = parent.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(
                where,
                translate(
                    "TaskDefinition", "»{key}« skal være en liste af tabeller ([[{key}]])"
                ).format(key=key),
            )
        return value


# Texts that the file carries in Danish and, as `<key>_en`, in English. KLIK's own names
# (PLUS, LÆSER, Påbegyndt, Fuldført) stay as they are in both: they are names in KOMBIT's system.
TRANSLATED = frozenset(
    {
        "title",
        "phase",
        "theme",
        "priority",
        "recommended_performer",
        "involved_parties",
        "goal",
        "description",
        "result",
        "webinar",
        "guidance",
        "label",
        "placeholder",
        "hint",
        "group",
        "report_label",
    }
)


def _is_twin(key: str) -> bool:
    """`title_en`: a translated text's twin in another language (not a key of its own)."""
    base, _, code = key.rpartition("_")
    return base in TRANSLATED and code in LANGUAGES and code != SOURCE_LANGUAGE


def localize(data: Any, language: str, path: Path, where: str = "") -> Any:
    """The parsed file with each text in the chosen language: the Danish text itself, or
    its twin `<key>_<language>` (`title_en`), which every translated text must have."""
    if isinstance(data, list):
        return [localize(item, language, path, f"{where}[{i}]") for i, item in enumerate(data)]
    if not isinstance(data, dict):
        return data
    result = {}
    for key, danish in data.items():
        if _is_twin(key):
            continue
        here = f"{where}.{key}" if where else key
        chosen = danish
        if language != SOURCE_LANGUAGE and key in TRANSLATED:
            twin = f"{key}_{language}"
            if twin not in data:
                raise TaskDefinitionError(
                    translate(
                        "TaskDefinition",
                        "Opgavefilen {path} er ugyldig: {where}: oversættelsen »{twin}« mangler",
                    ).format(path=path, where=here, twin=twin)
                )
            chosen = data[twin]
        result[key] = localize(chosen, language, path, here)
    return result


def load_task_definition(
    path: Path, municipalities: tuple[Municipality, ...] = (), language: str = SOURCE_LANGUAGE
) -> TaskDef:
    """Read and check a task definition; raise TaskDefinitionError saying what is wrong."""
    return task_from_data(_read(path), path, municipalities, language)


def _read(path: Path) -> dict[str, Any]:
    """The task file as TOML data; TaskDefinitionError saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TaskDefinitionError(
            translate("TaskDefinition", "Opgavefilen {path} findes ikke.").format(path=path)
        ) from None
    except OSError as e:
        raise TaskDefinitionError(
            translate("TaskDefinition", "Opgavefilen {path} kan ikke læses ({reason}).").format(
                path=path, reason=e.strerror
            )
        ) from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TaskDefinitionError(
            translate("TaskDefinition", "Opgavefilen {path} er ikke gemt som UTF-8.").format(
                path=path
            )
        ) from None
    except tomllib.TOMLDecodeError as e:
        raise TaskDefinitionError(
            translate("TaskDefinition", "Opgavefilen {path} er ikke gyldig TOML: {error}").format(
                path=path, error=e
            )
        ) from None


def task_from_data(
    data: dict[str, Any],
    path: Path,
    municipalities: tuple[Municipality, ...] = (),
    language: str = SOURCE_LANGUAGE,
) -> TaskDef:
    """The task in one language of `i18n.LANGUAGES`, from the file's data."""
    if language not in LANGUAGES:
        raise TaskDefinitionError(f"unknown language {language!r}; use one of {list(LANGUAGES)}")
    localized = localize(data, language, path)
    task, mail = data.get("task"), localized.get("mail")
    if isinstance(task, dict) and isinstance(mail, dict) and isinstance(task.get("title"), str):
        mail["task_title"] = task["title"]  # the mail names the task as KLIK does: in Danish
    return parse_task_definition(localized, path, municipalities)


def parse_task_definition(
    data: dict[str, Any], path: Path, municipalities: tuple[Municipality, ...] = ()
) -> TaskDef:
    """Build a TaskDef from parsed TOML, checking every part."""
    r = _Reader(path)
    if data.get("format") != FORMAT_VERSION:
        raise r.fail(
            "format",
            translate("TaskDefinition", "forventede format = {expected}, fandt {found}").format(
                expected=FORMAT_VERSION, found=repr(data.get("format"))
            ),
        )
    task = r.table(data, "task", "[task]")
    parties = task.get("involved_parties")
    if not isinstance(parties, list) or not all(isinstance(p, str) and p for p in parties):
        raise r.fail(
            "[task]",
            translate("TaskDefinition", "»involved_parties« skal være en liste af tekster"),
        )
    mail = _mail(r, r.table(data, "mail", "[mail]"), task)
    seen = _Seen()
    steps = [
        _step(r, st, i, mail, seen) for i, st in enumerate(r.tables(data, "steps", "[[steps]]"))
    ]
    _check_the_whole(r, steps)
    return TaskDef(
        id=r.text(task, "id", "[task]"),
        title=r.text(task, "title", "[task]"),
        phase=r.text(task, "phase", "[task]"),
        theme=r.text(task, "theme", "[task]"),
        priority=r.text(task, "priority", "[task]"),
        recommended_performer=r.text(task, "recommended_performer", "[task]"),
        involved_parties=tuple(parties),
        goal=r.text(task, "goal", "[task]"),
        description=r.text(task, "description", "[task]"),
        result=r.text(task, "result", "[task]"),
        mail=mail,
        steps=tuple(steps),
        source=path,
        municipalities=municipalities,
    )


@dataclass
class _Seen:
    """What the file has named so far: each key once, each purpose once (but agreements)."""

    steps: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    purposes: set[str] = field(default_factory=set)


def _mail(r: _Reader, mail_t: dict[str, Any], task: dict[str, Any]) -> MailDef:
    mail = MailDef(
        to=r.text(mail_t, "to", "[mail]"),
        subject=r.text(mail_t, "subject", "[mail]"),
        body=r.text(mail_t, "body", "[mail]"),
        webinar=r.text(mail_t, "webinar", "[mail]"),
        signature=r.text(mail_t, "signature", "[mail]", required=False) or "{signer}",
        signature_unnamed=r.text(mail_t, "signature_unnamed", "[mail]", required=False)
        or "{municipality}",
        task_title=r.text(mail_t, "task_title", "[mail]", required=False)
        or r.text(task, "title", "[task]"),
        replaces=r.text(mail_t, "replaces", "[mail]", required=False),
        replaces_unnamed=r.text(mail_t, "replaces_unnamed", "[mail]", required=False),
        new_subject=r.text(mail_t, "new_subject", "[mail]", required=False),
        new_body=r.text(mail_t, "new_body", "[mail]", required=False),
    )
    if bool(mail.new_subject) != bool(mail.new_body):
        raise r.fail(
            "[mail]",
            translate(
                "TaskDefinition",
                "»new_subject« og »new_body« skal være der begge eller ingen af dem",
            ),
        )
    for name in (
        "subject",
        "body",
        "signature",
        "signature_unnamed",
        "replaces",
        "new_subject",
        "new_body",
    ):
        try:
            getattr(mail, name).format(**MAIL_PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as e:
            raise r.fail(
                "[mail]",
                translate("TaskDefinition", "»{key}« har en ukendt pladsholder: {error}").format(
                    key=name, error=e
                ),
            ) from None
    return mail


def _step(r: _Reader, st: dict[str, Any], i: int, mail: MailDef, seen: _Seen) -> StepDef:
    where = translate("TaskDefinition", "trin {number}").format(number=i)
    key = r.text(st, "key", where)
    where = translate("TaskDefinition", "trin {number} ({key})").format(number=i, key=key)
    if key in seen.steps:
        raise r.fail(
            where, translate("TaskDefinition", "nøglen »{key}« findes to gange").format(key=key)
        )
    seen.steps.add(key)
    kind_s = r.text(st, "kind", where, required=False) or StepKind.STEP.value
    try:
        step_kind = StepKind(kind_s)
    except ValueError:
        raise r.fail(
            where, translate("TaskDefinition", "ukendt slags »{kind}«").format(kind=kind_s)
        ) from None
    if (step_kind is StepKind.INTRO) != (i == 0):
        raise r.fail(
            where,
            translate("TaskDefinition", "det første trin og kun det skal have kind = »intro«"),
        )
    return StepDef(
        index=i,
        key=key,
        title=r.text(st, "title", where),
        guidance=r.text(st, "guidance", where).replace("{webinar}", mail.webinar),
        links=tuple(_link(r, ln, f"{where}, link") for ln in r.tables(st, "links", where)),
        fields=tuple(_field(r, fd, where, seen) for fd in r.tables(st, "fields", where)),
        kind=step_kind,
    )


def _link(r: _Reader, ln: dict[str, Any], where: str) -> Link:
    url = r.text(ln, "url", where)
    if not url.startswith(("https://", "http://", "mailto:")):
        raise r.fail(
            where,
            translate("TaskDefinition", "adressen »{url}« skal begynde med https://").format(
                url=url
            ),
        )
    return Link(label=r.text(ln, "label", where), url=url)


def _field(r: _Reader, fd: dict[str, Any], where: str, seen: _Seen) -> FieldDef:
    fkey = r.text(fd, "key", translate("TaskDefinition", "{where}, felt").format(where=where))
    fwhere = translate("TaskDefinition", "{where}, felt »{key}«").format(where=where, key=fkey)
    if fkey in seen.fields:
        raise r.fail(fwhere, translate("TaskDefinition", "nøglen findes to gange"))
    seen.fields.add(fkey)
    kind_s = r.text(fd, "kind", fwhere)
    try:
        kind = FieldKind(kind_s)
    except ValueError:
        raise r.fail(
            fwhere, translate("TaskDefinition", "ukendt slags »{kind}«").format(kind=kind_s)
        ) from None
    status = r.text(fd, "status", fwhere, required=kind is FieldKind.KLIK_STATUS)
    if kind is FieldKind.KLIK_STATUS and status not in (KlikStatus.STARTED, KlikStatus.COMPLETED):
        raise r.fail(
            fwhere,
            translate(
                "TaskDefinition", "status skal være »Påbegyndt« eller »Fuldført«, ikke »{status}«"
            ).format(status=status),
        )
    required = fd.get("required", False)
    if not isinstance(required, bool):
        raise r.fail(fwhere, translate("TaskDefinition", "»required« skal være true eller false"))
    purpose = _purpose(r, fd, fwhere, seen)
    return FieldDef(
        key=fkey,
        kind=kind,
        label=r.text(fd, "label", fwhere),
        required=required,
        group=r.text(fd, "group", fwhere, required=False),
        placeholder=r.text(fd, "placeholder", fwhere, required=False),
        hint=r.text(fd, "hint", fwhere, required=False),
        status=status,
        purpose=purpose,
        report_label=r.text(fd, "report_label", fwhere, required=purpose == Purpose.AGREEMENT),
        default_title=r.text(fd, "default_title", fwhere, required=False),
        date_of=r.text(fd, "date_of", fwhere, required=False),
    )


def _purpose(r: _Reader, fd: dict[str, Any], fwhere: str, seen: _Seen) -> str:
    purpose = r.text(fd, "purpose", fwhere, required=False)
    if purpose and purpose not in PURPOSES:
        raise r.fail(
            fwhere,
            translate("TaskDefinition", "ukendt formål »{purpose}«").format(purpose=purpose),
        )
    if purpose and purpose not in REPEATABLE_PURPOSES and purpose in seen.purposes:
        raise r.fail(
            fwhere,
            translate("TaskDefinition", "formålet »{purpose}« findes to gange").format(
                purpose=purpose
            ),
        )
    seen.purposes.add(purpose)
    return purpose


def _check_the_whole(r: _Reader, steps: list[StepDef]) -> None:
    for s in steps:
        for f in s.fields:
            if not f.date_of:
                continue
            box = s.field(f.date_of)
            if f.kind is not FieldKind.DATE or box is None or box.kind is not FieldKind.CHECK:
                raise r.fail(
                    f"{s.key}.{f.key}",
                    translate(
                        "TaskDefinition",
                        "»date_of« hører til et datofelt og skal nævne et afkrydsningsfelt "
                        "på samme trin",
                    ),
                )
    statuses = {f.status for s in steps for f in s.fields if f.kind is FieldKind.KLIK_STATUS}
    if statuses and statuses != {KlikStatus.STARTED, KlikStatus.COMPLETED}:
        raise r.fail(
            "[[steps]]",
            translate(
                "TaskDefinition",
                "opgaven skal have et felt for hver KLIK-status, »Påbegyndt« og »Fuldført«",
            ),
        )
    if len(steps) < 2:
        raise r.fail(
            "[[steps]]",
            translate("TaskDefinition", "opgaven skal have en indledning og mindst ét trin"),
        )
