"""Bytes to text for Arabic news pages, never silently into mojibake.

Order of evidence: a byte-order mark; valid UTF-8; the charset a page declares
(HTTP header or HTML meta) when the bytes really decode with it; then
charset-normalizer, restricted to encodings Arabic pages use. A result that
still looks like mojibake is refused with a reason instead of returned.
"""

from __future__ import annotations

import codecs
import re

# Encodings Arabic news sites have served; charset-normalizer may only pick these.
ARABIC_ENCODINGS = ("utf_8", "cp1256", "iso8859_6", "utf_16", "cp720", "mac_arabic")

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# Magic numbers of files that are surely not text, to name what was given.
_MAGIC = ((b"\x1f\x8b", "a gzip-compressed file; decompress it or name it .jsonl.gz"),
          (b"PK\x03\x04", "a zip archive"), (b"%PDF", "a PDF document"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\x7fELF", "an executable"), (b"SQLite format 3", "an SQLite database"))


class DecodeError(ValueError):
    """The bytes are not text in any charset we accept; the message says why."""


def declared_charset(data: bytes) -> str | None:
    """The charset named by an HTML meta tag or an XML declaration, if any."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 files without a BOM show NUL in every other byte for ASCII text."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    # Arabic in UTF-16: the high byte is 0x06 for most characters.
    if sample[1::2].count(6) / max(1, len(sample[1::2])) > 0.4:
        return "utf-16-le"
    if sample[0::2].count(6) / max(1, len(sample[0::2])) > 0.4:
        return "utf-16-be"
    return None


def looks_like_mojibake(text: str) -> bool:
    """UTF-8 read as a single-byte charset leaves runs of accented Latin or of
    rare Arabic-script letters; real text has few of them."""
    if not text:
        return False
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return False
    latin1 = sum(1 for ch in sample if "\u00c0" <= ch <= "\u00ff")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    replacement = sample.count("\ufffd")
    return (latin1 + replacement) / letters > 0.15 or controls / len(sample) > 0.01


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise ``DecodeError``.

    ``declared`` is a charset named outside the bytes (an HTTP header); a
    charset named inside them (HTML meta, XML declaration) is found here.
    """
    if not data:
        raise DecodeError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], enc)
            if text is None:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}")
            return text, enc
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:2000] else None
    if utf16:
        text = _strict(data, utf16)
        if text is not None and not looks_like_mojibake(text):
            return text, utf16
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (NUL bytes)")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if _ends_inside_utf8_character(data):
        raise DecodeError("truncated UTF-8: the file ends inside a multi-byte character")
    candidates = [c for c in (declared, declared_charset(data)) if c and codecs.lookup(c).name != "utf-8"]
    for enc in candidates:
        text = _strict(data, enc)
        if text is not None and not looks_like_mojibake(text):
            return text, enc
    guess = _detect(data)
    if guess:
        return guess
    if _looks_truncated_utf8(data):
        raise DecodeError("not valid UTF-8 (truncated or corrupted multi-byte sequences) "
                          "and no other charset fits")
    raise DecodeError("not valid UTF-8 and no other charset fits")


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(ARABIC_ENCODINGS)).best()
    if best is None or best.encoding == "utf_8":
        return None
    text = _strict(data, best.encoding)
    if text is None or looks_like_mojibake(text):
        return None
    # A single-byte guess must give mostly Arabic letters, or it is noise read as text.
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    ascii_letters = sum(1 for ch in letters if ch.isascii())
    if letters and (arabic + ascii_letters) / len(letters) < 0.9:
        return None
    return text, best.encoding


def _looks_truncated_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few broken sequences: a cut or damaged file."""
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") <= max(3, len(text) // 200)


def _ends_inside_utf8_character(data: bytes) -> bool:
    """Valid UTF-8 but for an incomplete character at the very end: a cut file."""
    for cut in (1, 2, 3):
        if len(data) > cut and _strict(data[:-cut], "utf-8") is not None:
            return True
    return False
