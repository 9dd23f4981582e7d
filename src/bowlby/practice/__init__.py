"""Practise together: check-ins, self-soothing, vulnerability windows, the 5:1 ledger, repair
attempts and the cycle map. Pure logic: input models, entry drafts, views and the maths."""
