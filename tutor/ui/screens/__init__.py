"""Screens pushed over the chat: the article reader and the round picker."""
