"""How much answering the same position everywhere scores on choice questions (issues 10, 11).

Run: .venv/bin/python tests/bench/bench_position_bias.py [--bank PATH] [--rounds N]
For each label (1, 2, a, أ, ...) it answers every choice question with it, first try only, over
N rounds with their own seeds, and prints the share right next to chance (the mean of 1/options)
and next to the bank's file order (what a round showed before options were shuffled).
"""

from __future__ import annotations

import argparse

from tutor import grading
from tutor.bank import load_bank
from tutor.engine.session import RoundSpec, Session


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", default=None, help="default: the bundled bank")
    ap.add_argument("--rounds", type=int, default=200)
    args = ap.parse_args()
    bank = load_bank(args.bank, strict=False)
    choice = [q for q in bank.questions if q.prompt is not None and q.type == "choice"]
    if not choice:
        raise SystemExit("no choice questions in this bank")
    chance = sum(1 / len(q.choices) for q in choice) / len(choice)
    print(f"{len(choice)} choice questions; chance {chance:.1%}; {args.rounds} rounds")
    print(f"{'label':>6}  {'file order':>10}  {'shuffled':>9}")
    for label in ("1", "2", "3", "4", "a", "b", "أ", "ب"):
        in_file = sum(grading.grade(q, label, bank=bank).correct for q in choice) / len(choice)
        right = asked = 0
        for seed in range(args.rounds):
            s = Session(bank, RoundSpec(length=len(choice)), questions=choice, seed=seed)
            while s.current is not None:
                right += s.submit(label).verdict.correct
                asked += 1
                if s.phase.value == "retry":
                    s.reveal()
                s.next()
        print(f"{label:>6}  {in_file:>10.1%}  {right / asked:>9.1%}")


if __name__ == "__main__":
    main()
