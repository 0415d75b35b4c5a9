"""Sentence segmentation with offsets."""

from __future__ import annotations

import re

from marsad.model import Article, Sentence

_SENT_END = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def segment(article: Article) -> Article:
    article.sentences = [Sentence(m.start(), m.end(), m.group()) for m in _SENT_END.finditer(article.text)
                         if m.group().strip()]
    return article
