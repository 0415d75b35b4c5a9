"""Marsad (مرصد): reads Arabic news and turns it into structured, source-checked knowledge of events."""

__version__ = "0.1.0"

from marsad.model import Article, Story  # noqa: E402
from marsad.pipeline import Pipeline, default_pipeline  # noqa: E402

__all__ = ["Article", "Story", "Pipeline", "default_pipeline", "__version__"]
