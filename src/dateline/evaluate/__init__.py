"""Scorers against gold data, and the gate that keeps scores above their floors."""
