"""tutor: a terminal study companion for five Arabic articles on Russia–North Korea relations."""

__version__ = "0.1.0"
