"""A signature block flattened into one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng".

Portal scrapes and some Word exports join the signature column into one line after the Nơi
nhận list, sometimes with the list's last item before it ("- Lưu: VT. Trung Anh BỘ TRƯỞNG,
CHỦ NHIỆM Mai Tiến Dũng") and an annex heading after it. The grammar is fixed: the title in
capitals (with its T/M, K/T, T/L marker), then the signer's name in ordinary case, then the end
of the line or capitals again.
"""
from __future__ import annotations

import re

from .casing import official_case
from .lines import NOI_NHAN_RE, SIG_MARKER_RE as _MARKER_RE, is_name, is_role, is_upper, quick_fold

_LOOK = 25   # lines after the Nơi nhận heading where the signature may be
# The words a signing title holds (lines.is_role), in capitals, on the folded line; or a signing marker.
_TITLE_WORD_RE = re.compile(r"TRUONG|PHO |CHU TICH|BI THU|GIAM DOC|CHU NHIEM|UY VIEN|CHANH|THU KY|T/M|K/T|T/L|"
                            r"\b(?:TM|KT|TL|TUQ)\.")


def _caps(word: str) -> bool:
    return is_upper(word.strip(",.;:")) or word in ("KT.", "TM.", "TL.", "T/M", "K/T", "T/L", "TUQ.")


def glued_signature(line: str) -> tuple[str, str] | None:
    """(title, name) of a line that holds a title in capitals followed by a name, or None."""
    if not _TITLE_WORD_RE.search(quick_fold(line)):
        return None  # no signing title in capitals: most lines after Nơi nhận (an annex's paragraphs)
    words = line.split()
    caps = [_caps(w) for w in words]  # each word tested once: the lines after Nơi nhận may be long
    for i in range(1, len(words) - 1):
        if caps[i] or not caps[i - 1]:
            continue
        for n in (4, 3, 2):
            name = words[i:i + n]
            if (len(name) == n and all(w[1:] == w[1:].lower() for w in name) and is_name(" ".join(name))
                    and (i + n == len(words) or caps[i + n])):
                start = i
                while start > 0 and caps[start - 1]:
                    start -= 1
                # The whole run when its last signing marker opens a title ("TM. ỦY BAN … KT. CHỦ TỊCH …"),
                # else the longest tail that reads as a title.
                markers = [k for k in range(start, i) if _MARKER_RE.match(words[k])]
                if markers and is_role(" ".join(words[markers[-1]:i])):
                    return official_case(" ".join(words[start:i]).strip(" ,")), " ".join(name)
                for first in range(start, i):
                    title = " ".join(words[first:i]).strip(" ,")
                    if is_role(title):
                        return official_case(title), " ".join(name)
    return None


def find_glued_signature(lines: list[str]) -> tuple[str, str] | None:
    """The first flattened signature after the Nơi nhận heading (or in the last lines)."""
    start = next((i for i in range(len(lines) - 1, -1, -1) if NOI_NHAN_RE.match(lines[i])), max(0, len(lines) - _LOOK))
    for line in lines[start:start + _LOOK]:
        if found := glued_signature(line.strip()):
            return found
    return None
