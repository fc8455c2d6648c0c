"""Plain mode as a script or a screen reader meets it: `python -m tutor --plain` over pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BANK = Path(__file__).resolve().parent.parent / "data" / "engine_bank"
pytestmark = pytest.mark.slow


def tutor(*args: str, stdin: str | bytes = "", plain: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8", "LC_ALL": ""}
    data = stdin.encode() if isinstance(stdin, str) else stdin
    cmd = [
        sys.executable,
        "-m",
        "tutor",
        *(["--plain"] if plain else []),
        "--bank",
        str(BANK),
        *args,
    ]
    p = subprocess.run(cmd, input=data, capture_output=True, env=env, timeout=60)
    out = subprocess.CompletedProcess(p.args, p.returncode, p.stdout.decode(), p.stderr.decode())
    assert "Traceback" not in out.stderr, out.stderr
    return out


YEAR = ("--article", "treaty", "--difficulty", "1")  # the one question t-year


def test_right_answer_shows_verdict_evidence_explanation_and_summary():
    p = tutor(*YEAR, "--lang", "en", stdin="1961\n")
    assert p.returncode == 0
    out = p.stdout
    assert "[1 of 1 · The treaty article · treaty · difficulty 1]" in out
    assert "In which year was the friendship treaty signed?" in out
    assert "Correct." in out
    assert "From «The treaty article»:" in out
    assert "وقّع البلدان معاهدة الصداقة عام *1961* في موسكو" in out  # logical order, answer marked
    assert "Why: The 1961 treaty came first." in out
    assert "Score: 1 of 1" in out and "Nothing missed" in out
    assert out.index("Correct.") < out.index("From «") < out.index("Why:") < out.index("Score:")


def test_wrong_then_hint_then_right():
    out = tutor(*YEAR, "--lang", "en", stdin="1991\n1961\n").stdout
    assert "Not quite" in out and "Hint: In the sixties" in out and "Try once more." in out
    assert out.index("Try once more.") < out.index("Correct.")
    assert "Score: 1 of 1" in out


def test_wrong_twice_reveals_and_offers_retry_which_works():
    out = tutor(*YEAR, "--lang", "en", stdin="1991\n2000\nyes\n1961\nno\n").stdout
    assert "The answer: 1961" in out
    assert (
        "Score: 0 of 1" in out and "In which year was the friendship treaty signed? → 1961" in out
    )
    assert "Retry the 1 missed question(s)?" in out
    assert "Retrying the missed questions." in out
    assert "Score: 1 of 1" in out  # the retry round
    assert out.rstrip().endswith("Goodbye.")


def test_arabic_conversation_and_arabic_answer():
    p = tutor("--tag", "analysts", "--lang", "ar", stdin="/تلميح\nجامعة هال\n")
    assert p.returncode == 0
    out = p.stdout
    assert "[1 من 1 · مقالة المعاهدة · المحللون والمسؤولون · الصعوبة 2]" in out
    assert "في أي جامعة يعمل روبرت دوفر؟" in out
    assert "تلميح: جامعة بريطانية" in out
    assert "صحيح." in out
    assert "روبرت دوفر، أستاذ الاستخبارات ب*جامعة هال*" in out
    assert "النتيجة: 1 من 1" in out and "مع السلامة." in out


def test_locale_picks_the_language():
    env_out = subprocess.run(
        [sys.executable, "-m", "tutor", "--plain", "--bank", str(BANK), *YEAR],
        input=b"", capture_output=True, env={**os.environ, "LC_ALL": "ar_EG.UTF-8"}, timeout=60,
    ).stdout.decode()  # fmt: skip
    assert "في أي عام وُقّعت معاهدة الصداقة؟" in env_out


def test_eof_ends_cleanly_with_the_summary():
    p = tutor(*YEAR, "--lang", "en", stdin="")
    assert p.returncode == 0
    assert "Round over." in p.stdout and "No questions answered." in p.stdout


def test_eof_mid_round_keeps_what_was_answered():
    p = tutor("--article", "treaty", "--length", "3", "--lang", "en", stdin="/skip\n")
    assert p.returncode == 0
    assert "Skipped. The answer:" in p.stdout
    assert "Score: 0 of 1" in p.stdout


def test_commands_help_unknown_lang_and_long_answers():
    stdin = "/help\n/x\n" + "a" * 600 + "\n/lang\n1961\n"
    out = tutor(*YEAR, "--lang", "en", stdin=stdin).stdout
    assert "\u2066/hint\u2069  \u2067/تلميح\u2069" in out
    assert "\u2066/quit\u2069  \u2067/خروج\u2069" in out
    assert "Unknown command /x. Type /help for the list." in out
    assert "too long to be an answer (600 characters; at most 500)" in out
    assert "اللغة: العربية." in out and "في أي عام وُقّعت معاهدة الصداقة؟" in out
    assert "صحيح." in out  # the long paste was not graded; 1961 was, in Arabic now


def test_quit_and_new_round():
    out = tutor(*YEAR, "--lang", "en", stdin="/new\n/quit\n").stdout
    assert "A new round." in out
    assert out.count("In which year was the friendship treaty signed?") == 2
    assert out.rstrip().endswith("Goodbye.")


def test_source_after_the_question_shows_the_paragraph_with_the_evidence():
    out = tutor(*YEAR, "--lang", "en", stdin="/skip\n/source\n").stdout
    assert "Article: The treaty article (unknown, unknown)" in out
    assert "«وقّع البلدان معاهدة الصداقة عام *1961* في موسكو»، ثم وُقّعت معاهدة جديدة عام 2000." in out


def test_source_before_answering_gives_nothing_away_and_counts_as_a_hint(tmp_path):
    out = tutor(*YEAR, "--lang", "en", "--data", str(tmp_path), stdin="/source\n1961\n").stdout
    article = out.split("Reading it counts as a hint.\n")[1].split("Correct")[0]
    assert "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو" in article  # the whole article
    assert "«" not in article and "*" not in article  # nothing marked
    stats = subprocess.run(
        [sys.executable, "-m", "tutor", "--bank", str(BANK), "--data", str(tmp_path), "stats"],
        capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"}, timeout=60,
    ).stdout  # fmt: skip
    assert "Accuracy        0% at the first try (1 asked)" in stats
    assert "not counted: 1 after a hint, 0 “I was right”" in stats


def test_not_a_tty_means_plain_mode_without_asking():
    p = tutor(*YEAR, "--lang", "en", stdin="1961\n", plain=False)
    assert "Correct." in p.stdout


def test_bad_bytes_on_stdin_do_not_crash():
    p = tutor(*YEAR, "--lang", "en", stdin=b"\xff\xfe19\n1961\n")
    assert p.returncode == 0 and "Correct." in p.stdout


def test_unknown_article_is_named():
    p = tutor("--article", "nope", stdin="")
    assert p.returncode == 2
    assert "unknown article nope (articles: arms, treaty)" in p.stderr


def test_bidi_app_writes_visual_lines_or_falls_back_to_logical():
    from tutor.display.bidi import visual_lines

    p = tutor(*YEAR, "--lang", "ar", "--bidi", "app", stdin="1961\n")
    assert p.returncode == 0
    line = "النتيجة: 1 من 1"
    try:
        expected = visual_lines(line, 80)[0].rstrip()
    except NotImplementedError:
        expected = line
    assert expected in p.stdout.splitlines()
