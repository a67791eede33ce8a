"""The README is the user's guide: short, and every page it sends a reader to exists."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# Markdown links and images to files of the repository (not web addresses or anchors).
LOCAL_LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)#\s]+)")


def test_readme_is_under_15_kb():
    assert len(README.read_bytes()) < 15_000


def test_every_local_link_and_image_exists():
    targets = LOCAL_LINK.findall(README.read_text(encoding="utf-8"))
    assert len(targets) > 10
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert missing == []


def test_each_design_page_is_linked():
    text = README.read_text(encoding="utf-8")
    pages = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs-dev").glob("*.md"))
    assert [p for p in pages if f"({p})" not in text] == []
    for name in ("ARCHITECTURE.md", "CHANGELOG.md"):
        assert f"({name})" in text
