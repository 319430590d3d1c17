"""Scale: local worker processes and a Dask engine."""
