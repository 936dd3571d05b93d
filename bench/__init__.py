"""Scale benchmarks: a synthetic-ecosystem generator and a harness (`python -m bench --help`)."""
