"""Classroom drills: a spec everyone runs the same way, a results file per student, and a live
drill a teacher hosts (the host grades; clients never hold an answer key before the reveal).

spec: the drill spec (YAML). results: the results format (JSON Lines). run: a drill's rules for
one student (attempts, hints, time). host / protocol / client: the live drill over WebSocket.
"""
