"""Widgets of the study chat, one feature per module."""
