"""The class report: drill results (tutor.drill.results) read against the bank — load.py reads
the files, analyse.py computes what a teacher needs, clusters.py groups wrong answers, and
text.py, xlsx.py and html.py write it out. No output module is imported before it is needed."""
