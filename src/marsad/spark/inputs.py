"""Work units: the inputs of a Spark job cut into pieces that executors read themselves.

The driver only lists what there is to read (files in folders, byte ranges of
large JSON Lines files, URLs); the executors open the files, fetch the URLs and
parse the records, so reading scales with the cluster like annotating does.
Standard input can only be read by the driver: its articles travel as they are.

A unit is a plain tuple (cheap to pickle, easy to test):

    ("path", path)                                 a file read by marsad.ingest.read_path
    ("lines", path, byte_offset, first_line, n)    n lines of an uncompressed JSON Lines file
    ("url", url)                                   a page or feed fetched by marsad.ingest.read_url
    ("item", article_or_input_error)               something the driver already read (stdin)
    ("error", source, reason)                      an input refused while listing
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ingest import InputError, input_sources, read_inputs, read_path, read_url
from marsad.ingest.fetch import DEFAULT_TIMEOUT_S
from marsad.ingest.files import DEFAULT_MAX_FILE_MB
from marsad.ingest.jsonl import read_jsonl
from marsad.model import Article

Unit = tuple
# A JSON Lines file is split into tasks of this many lines, so that one big
# file keeps every core busy instead of one.
DEFAULT_LINES_PER_UNIT = 200
_SPLITTABLE = (".jsonl", ".ndjson")


def list_units(inputs: Iterable[str], *, lines_per_unit: int = DEFAULT_LINES_PER_UNIT) -> list[Unit]:
    """Cut ``inputs`` (the same forms as ``marsad.ingest.read_inputs``: files,
    folders, ``-``, http(s) URLs) into work units, in input order."""
    if lines_per_unit < 1:
        raise ValueError(f"lines_per_unit must be at least 1, not {lines_per_unit}")
    units: list[Unit] = []
    for kind, item in input_sources(inputs):
        if kind == "stdin":
            units.extend(("item", got) for got in read_inputs(["-"]))
        elif kind == "url":
            units.append(("url", item))
        elif kind == "file":
            try:
                units.extend(_file_units(item, lines_per_unit))
            except OSError as exc:
                units.append(("error", str(item), f"cannot read ({exc.strerror or exc})"))
        else:
            units.append(("error", item.source, item.reason))
    return units


def _file_units(path: Path, lines_per_unit: int) -> list[Unit]:
    if not path.name.lower().endswith(_SPLITTABLE):
        return [("path", str(path))]
    # Only newline positions are read here; the records are parsed on the executors.
    units: list[Unit] = []
    offset, line_no, start, start_line, count = 0, 0, 0, 1, 0
    with path.open("rb") as stream:
        for line in stream:
            line_no += 1
            if count == 0:
                start, start_line = offset, line_no
            offset += len(line)
            count += 1
            if count == lines_per_unit:
                units.append(("lines", str(path), start, start_line, count))
                count = 0
    if count:
        units.append(("lines", str(path), start, start_line, count))
    if not units:  # an empty file: let read_path say so, as the single-machine run does
        units.append(("path", str(path)))
    return units


def read_unit(unit: Unit, *, allow_private: bool = False, max_file_mb: float = DEFAULT_MAX_FILE_MB,
              timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[Article | InputError]:
    """Every article (or input error) in one unit; runs on an executor."""
    kind = unit[0]
    max_bytes = int(max_file_mb * 2**20)
    if kind == "path":
        yield from read_path(Path(unit[1]), max_bytes=max_bytes)
    elif kind == "lines":
        yield from _read_lines(*unit[1:])
    elif kind == "url":
        yield from read_url(unit[1], allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    elif kind == "item":
        yield unit[1]
    elif kind == "error":
        yield InputError(unit[1], unit[2])
    else:
        raise ValueError(f"unknown work unit {kind!r} in {unit!r}")


def _read_lines(path: str, offset: int, first_line: int, n_lines: int) -> Iterator[Article | InputError]:
    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            raw_lines = [stream.readline() for _ in range(n_lines)]
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")
        return
    for n, raw in enumerate(raw_lines, first_line):
        try:
            # utf-8-sig: the first line of a file may start with a byte-order mark
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            yield InputError(f"{path}:{n}", "not valid UTF-8 (JSON Lines must be UTF-8)")
            continue
        yield from read_jsonl([line], path, first_line=n)
