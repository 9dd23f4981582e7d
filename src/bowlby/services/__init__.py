"""Use cases: one function per thing a person does, each in one transaction.

The command line and the web app call these and nothing below them, so they cannot disagree.
"""
