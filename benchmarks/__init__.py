"""Repeatable performance measurements (not timed tests). Run all: ``python -m benchmarks.run_all``."""
