"""Showing text in a terminal: right-to-left Arabic for terminals that do no bidi of their own."""
