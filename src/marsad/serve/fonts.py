"""Find an Arabic font installed on this system, to serve it to the browser ourselves."""

from __future__ import annotations

import os
from pathlib import Path

# Debian/Ubuntu paths of good Arabic text fonts, best first
# (fonts-noto-core, fonts-hosny-amiri, fonts-kacst, fonts-arabeyes).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/amiri/amiri-regular.ttf",
    "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf",
    "/usr/share/fonts/truetype/fonts-arabeyes/ae_AlMohanad.ttf",
    "/usr/share/fonts/truetype/kacst/KacstBook.ttf",
)


def find_arabic_font(candidates=FONT_CANDIDATES) -> Path | None:
    """The first readable font of ``$MARSAD_ARABIC_FONT`` or ``candidates``, else None."""
    env = os.environ.get("MARSAD_ARABIC_FONT")
    for path in ([env] if env else []) + list(candidates):
        p = Path(path)
        if p.is_file() and os.access(p, os.R_OK):
            return p
    return None
