"""One executor interface for sweeps and ensembles: local processes or a Dask cluster."""
