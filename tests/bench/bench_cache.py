"""What the bank cache saves at start-up, and what JSON costs against the pickle it replaced.

    .venv/bin/python tests/bench/bench_cache.py [--runs 15]

Each way of getting the bundled bank runs in a fresh process (imports included, as at a real
start), interleaved run by run so that a busy machine weighs on all of them alike:
  yaml   - no cache: parse and check every YAML file and article (load_bank)
  pickle - the old cache: unpickle (what tutor did before issue 12)
  json   - the cache now: load_cached, reading the JSON copy
Prints the median wall time from process start to the bank in hand. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = {
    "yaml": "from tutor.bank.load import load_bank; load_bank(None)",
    "pickle": (  # the old load_cached: the same key computed, then the file unpickled
        "import pickle, sys; from pathlib import Path; from tutor.bank.model import Bank;"
        " from tutor.bank.cache import cache_file; from tutor.bank.paths import resolve;"
        " cache_file(resolve(None), Path(sys.argv[2]));"
        " b = pickle.load(open(sys.argv[1], 'rb')); assert isinstance(b, Bank)"
    ),
    "json": (
        "import sys; from pathlib import Path; from tutor.bank.cache import load_cached;"
        " load_cached(None, Path(sys.argv[2]))"
    ),
    "python": "pass",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkl, cache = Path(tmp) / "bank.pickle", Path(tmp) / "cache"
        setup = (
            "import pickle, sys; from pathlib import Path; from tutor.bank.load import load_bank;"
            " from tutor.bank.cache import load_cached;"
            " pickle.dump(load_bank(None), open(sys.argv[1], 'wb'), protocol=5);"
            " load_cached(None, Path(sys.argv[2]))"
        )
        subprocess.run([sys.executable, "-c", setup, str(pkl), str(cache)], check=True, cwd=ROOT)
        times: dict[str, list[float]] = {k: [] for k in CHILD}
        for _ in range(a.runs):
            for kind, code in CHILD.items():
                t = time.perf_counter()
                subprocess.run([sys.executable, "-c", code, str(pkl), str(cache)], check=True)
                times[kind].append(time.perf_counter() - t)
        size = {"pickle": pkl.stat().st_size, "json": next(cache.glob("bank-*")).stat().st_size}
    base = statistics.median(times["python"])
    print(f"runs: {a.runs}, medians; a bare `python -c pass` takes {base * 1e3:.0f} ms")
    for kind in ("yaml", "pickle", "json"):
        m = statistics.median(times[kind])
        extra = f", file {size[kind] / 1024:.0f} KiB" if kind in size else ""
        print(
            f"  {kind:6s} {m * 1e3:6.0f} ms  ({(m - base) * 1e3:5.0f} ms over bare Python{extra})"
        )


if __name__ == "__main__":
    main()
