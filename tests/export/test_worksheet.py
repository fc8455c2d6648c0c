"""The worksheet: well-formed HTML with no network, numbered questions with room to write, the
answer key with evidence on a page of its own, right to left for Arabic, the same seed the same
worksheet."""

from __future__ import annotations

from html.parser import HTMLParser

from tutor.export.worksheet import write_worksheet

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Tree(HTMLParser):
    """Checks that tags nest and collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.text: list[tuple[tuple[str, ...], str]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.text.append((tuple(self.stack), data))


def parse(data: bytes) -> Tree:
    tree = Tree()
    tree.feed(data.decode("utf-8"))
    tree.close()
    assert tree.stack == []
    return tree


def test_the_whole_bank_is_one_well_formed_page_with_nothing_fetched(bundled):
    html = write_worksheet(bundled, bundled.questions, None, seed=4).data
    tree = parse(html)
    for tag, attrs, _ in tree.elements:
        assert tag not in ("script", "link", "img", "iframe")
        assert not any(k in ("src", "href") for k in attrs)
    assert b"http" not in html.lower().replace(b"http-equiv", b"")
    items = [e for e in tree.elements if e[0] == "li" and e[2][-1:] == ("ol",)]
    questions = [e for e in tree.elements if e[0] == "ol" and e[1].get("class") == "questions"]
    assert len(questions) == 1
    answers_li = [e for e in tree.elements if e[0] == "li" and "ol" in e[2] and "section" in e[2]]
    assert len(answers_li) == len(bundled.questions)
    assert len(items) >= 2 * len(bundled.questions)


def test_the_key_starts_a_new_printed_page_and_holds_the_evidence(bundled):
    qs = bundled.questions[:3]
    html = write_worksheet(bundled, qs, "en", seed=1).data.decode()
    assert "section.key { break-before: page; page-break-before: always; }" in html
    questions, key = html.split('<section class="key">')
    for q in qs:
        assert q.prompt.en in questions
        assert q.passages()[0].text not in questions
        assert q.passages()[0].text in key
        assert q.answer_text("en") in key


def test_room_to_write_lines_for_free_text_none_for_choices(bundled):
    text_q = bundled.get("ast-camp-david")
    choice_q = next(q for q in bundled.questions if q.type == "choice")
    list_q = next(q for q in bundled.questions if q.type == "list")
    for q, lines in ((text_q, 2), (choice_q, 0), (list_q, list_q.needed + 1)):
        html = (
            write_worksheet(bundled, [q], "en", seed=1)
            .data.decode()
            .split('<section class="key">')[0]
        )
        assert html.count('<div class="line"></div>') == lines, q.id


def test_arabic_reads_right_to_left(bundled):
    ar = parse(write_worksheet(bundled, bundled.questions[:5], "ar", seed=1).data)
    assert ar.elements[0] == ("html", {"lang": "ar", "dir": "rtl"}, ())
    both = parse(write_worksheet(bundled, bundled.questions[:5], None, seed=1).data)
    blocks = [a for tag, a, _ in both.elements if tag == "div" and a.get("class") == "bi"]
    assert {(a["lang"], a["dir"]) for a in blocks} == {("ar", "rtl"), ("en", "ltr")}


def test_the_same_seed_gives_the_same_worksheet_another_seed_shuffles_options(bundled):
    choices = [q for q in bundled.questions if q.type == "choice"]
    one = write_worksheet(bundled, choices, "en", seed=11).data
    assert write_worksheet(bundled, choices, "en", seed=11).data == one
    assert write_worksheet(bundled, choices, "en", seed=12).data != one


def test_the_key_names_the_option_by_the_label_printed(bundled):
    q = next(q for q in bundled.questions if q.type == "choice")
    for seed in range(6):
        html = write_worksheet(bundled, [q], "en", seed=seed).data.decode()
        sheet, key = html.split('<section class="key">')
        right = q.choices[q.answer].en
        label = sheet.split(f") {right}</li>")[0][-1]
        assert f"<b>{label}) {right}</b>" in key
