"""Anki: the .apkg opened with Anki's own Python library (`anki`, in the test extras): decks, the
type-in note type, cards, fields, tags; a re-export updates notes instead of adding copies. The
package is also read as the zip + SQLite it is, which needs no Anki."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zipfile

import pytest

from tutor.bank.model import Localized
from tutor.export.anki import FIELDS, MODEL_NAME, write_anki


def write(tmp_path, bank, questions, lang=None, name="deck.apkg", when=None):
    path = tmp_path / name
    path.write_bytes(write_anki(bank, questions, lang, seed=1, timestamp=when).data)
    return path


def test_the_package_is_a_zip_with_a_sqlite_collection_of_type_in_cards(tmp_path, bundled):
    path = write(tmp_path, bundled, bundled.questions)
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "c.anki2")
    models = json.loads(db.execute("select models from col").fetchone()[0])
    (model,) = models.values()
    assert model["name"] == MODEL_NAME and [f["name"] for f in model["flds"]] == FIELDS
    assert [t["name"] for t in model["tmpls"]] == ["Arabic", "English"]
    assert (
        "{{type:AnswerAr}}" in model["tmpls"][0]["qfmt"]
        and 'dir="rtl"' in model["tmpls"][0]["qfmt"]
    )
    assert "{{BackEn}}" in model["tmpls"][1]["afmt"]
    notes = db.execute("select guid, flds, tags from notes").fetchall()
    assert len(notes) == len(bundled.questions)
    assert db.execute("select count(*) from cards").fetchone()[0] == 2 * len(bundled.questions)
    assert len({guid for guid, _, _ in notes}) == len(notes)


def test_anki_opens_the_deck_with_fields_tags_and_evidence(tmp_path, bundled):
    collection = pytest.importorskip("anki.collection")
    path = write(tmp_path, bundled, bundled.questions)
    (tmp_path / "c").mkdir()
    col = collection.Collection(str(tmp_path / "c" / "collection.anki2"))
    try:
        req = collection.ImportAnkiPackageRequest(
            package_path=str(path),
            options=collection.ImportAnkiPackageOptions(with_scheduling=False),
        )
        col.import_anki_package(req)
        assert col.note_count() == len(bundled.questions)
        assert col.card_count() == 2 * len(bundled.questions)
        decks = {d.name for d in col.decks.all_names_and_ids()}
        assert sum(name.startswith("tutor::") for name in decks) == len(bundled.articles)
        q = bundled.get("ast-camp-david")
        note = col.get_note(col.find_notes("Id:ast-camp-david")[0])
        assert note.note_type()["name"] == MODEL_NAME
        assert note["AnswerAr"] == q.answer.ar and note["AnswerEn"] == q.answer.en
        assert q.quotes[0].text in note["BackEn"] and q.explanation.en in note["BackEn"]
        assert "كامب ديفد" in note["Accepted"]
        assert set(note.tags) == {*q.tags, "article::asia-tension"}
        card = note.cards()[1]
        assert "[[type:AnswerEn]]" in card.question() or "typeans" in card.question()
        assert (
            q.prompt.en.replace("'", "&#x27;") in card.question() or q.prompt.en in card.question()
        )
    finally:
        col.close()


def test_a_re_export_updates_the_notes_instead_of_adding_copies(tmp_path, bundled):
    collection = pytest.importorskip("anki.collection")
    first = write(tmp_path, bundled, bundled.questions, name="first.apkg", when=1_800_000_000)
    q = bundled.get("ast-camp-david")
    edited = dataclasses.replace(q, explanation=Localized(ar="شرح جديد", en="A new explanation."))
    again = [edited if x.id == q.id else x for x in bundled.questions]
    second = write(tmp_path, bundled, again, name="second.apkg", when=1_800_000_060)
    (tmp_path / "c").mkdir()
    col = collection.Collection(str(tmp_path / "c" / "collection.anki2"))
    try:
        opts = collection.ImportAnkiPackageOptions(with_scheduling=False)  # update if newer
        for path in (first, second):
            col.import_anki_package(
                collection.ImportAnkiPackageRequest(package_path=str(path), options=opts)
            )
        assert col.note_count() == len(bundled.questions)
        note = col.get_note(col.find_notes("Id:ast-camp-david")[0])
        assert "A new explanation." in note["BackEn"]
    finally:
        col.close()


def test_one_language_makes_one_card_per_note(tmp_path, bundled):
    path = write(tmp_path, bundled, bundled.questions[:10], lang="ar")
    with zipfile.ZipFile(path) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "c.anki2")
    assert db.execute("select count(*) from cards").fetchone()[0] == 10
    assert {ord_ for (ord_,) in db.execute("select ord from cards")} == {0}
