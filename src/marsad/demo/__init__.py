"""The bundled demo corpus: Arabic articles written for Marsad, with gold annotations."""

from pathlib import Path

HERE = Path(__file__).parent


def corpus_path() -> Path:
    """The folder of demo articles (what `marsad demo` ingests)."""
    return HERE / "articles"


def gold_path() -> Path:
    return HERE / "gold.json"
