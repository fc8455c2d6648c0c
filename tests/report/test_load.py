"""Reading results: folders, files, and the lines that cannot be read, each named."""

from __future__ import annotations

from report.conftest import row

from tutor.report.load import load_results


def test_bad_lines_are_named_by_file_and_line_and_the_rest_is_read(tmp_path):
    good = row("Ali", "ast-outlet", "correct", 1.0).to_json()
    f = tmp_path / "a.jsonl"
    f.write_text(
        "\n".join(
            [
                good,
                "{not json",
                '{"format": "other"}',
                good.replace('"score": 1.0', '"score": "high"'),
                good,
                '{"torn": ',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    loaded = load_results([tmp_path])
    assert len(loaded.rows) == 2
    assert loaded.problems == [
        f"{f}:2: skipped: not a JSON results line",
        f"{f}:3: skipped: not a tutor-drill-results/1 line",
        f"{f}:4: skipped: field 'score' is 'high'",
        f"{f}:6: skipped: not a JSON results line",
    ]


def test_missing_paths_and_empty_folders_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    loaded = load_results([tmp_path / "nope.jsonl", tmp_path / "empty"])
    assert loaded.rows == []
    assert loaded.problems == [
        f"{tmp_path / 'nope.jsonl'}: no such file or folder",
        f"{tmp_path / 'empty'}: no .jsonl results files in this folder",
    ]
