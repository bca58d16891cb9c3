"""The English catalogue: complete, current with the code, and true to each source text."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402 - the project's own script, as make runs it

from rolleudpeger import i18n  # noqa: E402
from rolleudpeger.domain.validation import ValidationError, check_email, check_name  # noqa: E402

Message = tuple[str, str, str, str]  # context, source, translation, type


def messages(ts: Path) -> list[Message]:
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            t = m.find("translation")
            assert t is not None
            result.append((name, m.findtext("source") or "", t.text or "", t.get("type", "")))
    return result


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """The committed catalogue, brought up to date with the code by lupdate, as
    `make translations` would."""
    ts = tmp_path_factory.mktemp("ts") / "rolleudpeger_en.ts"
    shutil.copy(translations.catalogue("en"), ts)
    subprocess.run(translations.update(ts, "en_GB"), check=True, timeout=120)
    return messages(ts)


def test_every_marked_text_has_a_finished_english_translation(fresh: list[Message]) -> None:
    unfinished = [(c, s) for c, s, t, kind in fresh if kind or not t.strip()]
    assert len(fresh) > 300
    assert not unfinished, (
        "texts without an English translation (run `make translations` and translate "
        f"them in resources/translations/rolleudpeger_en.ts): {unfinished}"
    )


def test_the_committed_catalogue_is_current_with_the_code(fresh: list[Message]) -> None:
    """No entry for a text the code no longer has, none missing: lupdate changes nothing."""
    assert sorted(messages(translations.catalogue("en"))) == sorted(fresh)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_]*\}", text))


def _tags(text: str) -> list[str]:
    return re.findall(r"</?[a-z0-9]+", text)


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_translations_keep_placeholders_markup_and_mnemonics(fresh: list[Message]) -> None:
    wrong = []
    for context, source, translation, _ in fresh:
        if _placeholders(source) != _placeholders(translation):
            wrong.append(("placeholders", context, source, translation))
        if _tags(source) != _tags(translation):
            wrong.append(("markup", context, source, translation))
        if _mnemonics(source) != _mnemonics(translation):
            wrong.append(("Alt-key", context, source, translation))
        if source.count("\n") != translation.count("\n"):
            wrong.append(("line breaks", context, source, translation))
    assert not wrong


def test_time_format_translations_are_strftime_patterns(fresh: list[Message]) -> None:
    """The same fields as the Danish pattern, however the translation writes them."""
    patterns = [(s, t) for c, s, t, _ in fresh if c == "Time" and "%" in s]
    assert len(patterns) == 2
    for source, translation in patterns:
        fields = set(re.findall(r"%[a-zA-Z]", source))
        assert fields and set(re.findall(r"%[a-zA-Z]", translation)) == fields


def test_no_marked_text_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a translate() there would never be translated."""
    hidden = []
    for path in translations.source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Name)
                        and inner.func.id in ("translate", "QT_TRANSLATE_NOOP")
                    ):
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert not hidden


def test_the_domain_translates_through_the_installed_backend() -> None:
    """The domain knows no Qt; its messages still go through the catalogue the UI installs."""
    seen: list[tuple[str, str]] = []

    def backend(context: str, text: str) -> str:
        seen.append((context, text))
        return f"[{text}]"

    i18n.install(backend, "en")
    try:
        assert check_email("not an address").error == (
            "[Skriv en gyldig e-mailadresse, fx fornavn.efternavn@kommune.dk.]"
        )
        with pytest.raises(ValidationError, match=r"^\[Højst 200 tegn. Du har skrevet 201.\]$"):
            check_name("x" * 201)
    finally:
        i18n.install(None, i18n.SOURCE_LANGUAGE)
    assert ("Validation", "Højst {limit} tegn. Du har skrevet {length}.") in seen
    with pytest.raises(ValidationError, match=r"^Højst 200 tegn"):  # no backend: Danish
        check_name("x" * 201)
