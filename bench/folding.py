"""Time the folding of a 5 MB source: python bench/folding.py.

The text repeats the real seeds and the fixture texts in Serbian, Arabic, Japanese and French
(with their own quotation marks, spaces inside guillemets, dashes and ellipses) until it holds
5 MB; the best of five runs of generator.folding.fold on it is printed, in milliseconds, as JSON.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from generator.folding import fold

REPO = Path(__file__).resolve().parent.parent
SIZE = 5_000_000


def sample() -> str:
    """The real texts, repeated until they hold ``SIZE`` bytes of UTF-8."""
    files = sorted(REPO.glob("seeds/*.txt")) + sorted((REPO / "tests" / "fixtures" / "languages").glob("*.txt"))
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    text = one * (SIZE // len(one.encode()) + 1)
    while len(text.encode()) > SIZE:
        text = text[: len(text) - (len(text.encode()) - SIZE) // 4 - 1]
    return text


def main() -> None:
    text = sample()
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        fold(text)
        runs.append(time.perf_counter() - began)
    print(json.dumps({"bytes": len(text.encode()), "characters": len(text), "fold_ms": round(min(runs) * 1000)}))


if __name__ == "__main__":
    main()
