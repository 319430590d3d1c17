"""The JSON Schema of the output contract (data, read through importlib.resources)."""
