"""Exports of the stored, merged events: ACLED-style CSV, GeoJSON, JSON Lines."""
