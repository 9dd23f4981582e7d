"""Bowlby: a local-first companion for people whose fear of closeness hurts their relationships."""

__version__ = "0.1.0"
