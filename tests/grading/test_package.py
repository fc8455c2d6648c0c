"""`from tutor.grading import grade` is the grader's public name, however it was first loaded."""

from __future__ import annotations

import importlib
import subprocess
import sys


def test_grade_is_the_function_whichever_module_loads_first():
    code = (
        "import tutor.grading.grader, tutor.grading.batch\n"
        "from tutor.grading import grade, warm\n"
        "assert callable(grade) and grade.__name__ == 'grade', grade\n"
        "assert warm.__name__ == 'warm'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_start_up_leaves_the_grader_and_yaml_for_later():
    code = (
        "import sys, tutor.engine.session, tutor.bank.cache\n"
        "assert 'tutor.grading.grader' not in sys.modules\n"
        "assert 'yaml' not in sys.modules and 'rapidfuzz' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_names_still_raise():
    grading = importlib.import_module("tutor.grading")
    try:
        grading.no_such_thing  # noqa: B018
    except AttributeError as e:
        assert "no_such_thing" in str(e)
    else:
        raise AssertionError("expected AttributeError")
