"""Annotators: dates, entities, quotes and events, each a plain pipeline stage."""
