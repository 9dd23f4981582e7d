"""Plots and reports built from the feature packages; the same functions serve web, CLI and PDF."""
