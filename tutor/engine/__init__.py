"""The quiz engine: what comes next, attempts, hints, timing. No UI, no I/O of its own."""
