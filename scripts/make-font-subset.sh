#!/usr/bin/env bash
# Makes the CJK font subsets in src/main/resources/fonts/ that the PDFs embed (cn.liftcare.shared.pdf).
# The app never reads system fonts: a fresh machine has only JDK 17, so the fonts ship inside the jar.
#
# Needs Debian's fonts-noto-cjk and python3-fonttools:
#   apt-get update && apt-get install -y fonts-noto-cjk python3-fonttools
# Run from anywhere:  bash scripts/make-font-subset.sh
#
# The subset covers ASCII, Latin-1 (¥ ×), general punctuation, CJK symbols and punctuation, full-width
# forms, every character of GB2312, and every non-ASCII character in src/main/resources (text files) and
# in src/main/java. Re-run it when new text uses a character outside GB2312 (PdfFontCoverageTest says so).
set -euo pipefail
cd "$(dirname "$0")/.."

NOTO=/usr/share/fonts/opentype/noto
OUT=src/main/resources/fonts
# fixed head.modified, so that re-running on the same inputs gives the same bytes (2022-01-27, the package date)
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1643241600}"
PY=/usr/bin/python3              # Debian's python, which has python3-fonttools (a pyenv python may not)
mkdir -p "$OUT"
unicodes=$(mktemp)
trap 'rm -f "$unicodes"' EXIT

"$PY" - "$unicodes" <<'PY'
import pathlib, re, sys

cps = set()
for lo, hi in [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    cps.update(range(lo, hi + 1))
cps.update([0xA5, 0xD7])                                  # ¥ ×, already in Latin-1; named for the reader
for b1 in range(0xA1, 0xF8):                              # every 2-byte GB2312 code point
    for b2 in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([b1, b2]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
text_ext = {".properties", ".html", ".json", ".csv", ".sql", ".js", ".css", ".txt", ".md", ".java"}
files = [p for p in pathlib.Path("src/main/resources").rglob("*")
         if p.is_file() and p.suffix in text_ext and "fonts" not in p.parts]
files += list(pathlib.Path("src/main/java").rglob("*.java"))
for p in files:
    s = p.read_text(encoding="utf-8")
    s += "".join(chr(int(h, 16)) for h in re.findall(r"\\u([0-9a-fA-F]{4})", s))
    cps.update(ord(c) for c in s if ord(c) > 0x7F and not 0xD800 <= ord(c) <= 0xDFFF)
pathlib.Path(sys.argv[1]).write_text(",".join(f"U+{c:04X}" for c in sorted(cps)))
print(f"{len(cps)} code points from {len(files)} source files")
PY

for weight in Regular Bold; do
    out="$OUT/NotoSansSC-$weight-subset.otf"
    # --font-number=2: the Simplified Chinese face in the collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
    # The output stays CFF-flavoured OpenType (CID-keyed); OpenPDF embeds it as CIDFontType0C.
    # No layout features: OpenPDF applies no GSUB/GPOS, so they would only add weight.
    "$PY" -m fontTools.subset "$NOTO/NotoSansCJK-$weight.ttc" --font-number=2 \
        --unicodes-file="$unicodes" --layout-features='' --output-file="$out"
    # pyftsubset keeps each glyph's original CID (charset), so glyph id != CID. OpenPDF writes glyph ids
    # and a PDF's CIDFontType0 looks glyphs up by CID: the text extracts but ideographs render blank.
    # Renumber the CIDs to the glyph ids (the ROS is Adobe-Identity-0, where CIDs mean nothing else).
    "$PY" - "$out" <<'PY'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path)
old = font.getGlyphOrder()                      # decompiles only 'CFF ' (its charset)
top = font["CFF "].cff.topDictIndex[0]
assert getattr(top, "ROS", None) == ("Adobe", "Identity", 0), "expected a CID-keyed Adobe-Identity-0 CFF"
new = [".notdef"] + [f"cid{i:05d}" for i in range(1, len(old))]
rename = dict(zip(old, new))
top.CharStrings.charStrings = {rename[n]: i for n, i in top.CharStrings.charStrings.items()}
top.charset = new
font.setGlyphOrder(new)
for tag in font.keys():                         # the other tables map by glyph id, so they load under the new names
    font[tag]
font.save(path)
PY
    ls -l "$out"
done
