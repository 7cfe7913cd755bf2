"""Writes the handheld's two fonts: embedded-graphics 0.8's ISO-8859-1 FONT_5X8 and FONT_6X10
(X11 misc-fixed, public domain) with the full stop, the colon and the semicolon redrawn as
square dots. The originals draw a 3x3 diamond that reads as a plus sign on the OLED
(« Diff+ », « G+ Korganov »).

    python3 firmware/app/fonts/patch_fonts.py ~/.cargo/registry/src/*/embedded-graphics-0.8.2

writes font_5x8.raw and font_6x10.raw beside this script (1 bit a pixel, rows of 80 and 96
pixels, glyphs from U+0020 on, as embedded-graphics' ImageRaw reads them).
"""
import os
import sys

# (file, glyph width, height, image width, {char: rows})
PATCHES = [
    ("font_5x8.raw", 5, 8, 80, {
        ".": [".....", ".....", ".....", ".....", ".....", ".##..", ".##..", "....."],
    }),
    ("font_6x10.raw", 6, 10, 96, {
        ".": ["......"] * 6 + ["..##..", "..##..", "......", "......"],
        ":": ["......", "......", "..##..", "..##..", "......", "......",
              "..##..", "..##..", "......", "......"],
        ";": ["......", "......", "..##..", "..##..", "......", "......",
              "..##..", "..#...", ".#....", "......"],
    }),
]


def main():
    source = os.path.join(sys.argv[1], "fonts", "raw", "iso_8859_1")
    here = os.path.dirname(os.path.abspath(__file__))
    for name, w, h, image_width, glyphs in PATCHES:
        data = bytearray(open(os.path.join(source, name), "rb").read())
        per_row, stride = image_width // w, image_width // 8
        for ch, rows in glyphs.items():
            assert len(rows) == h and all(len(r) == w for r in rows), ch
            index = ord(ch) - 0x20
            gx, gy = (index % per_row) * w, (index // per_row) * h
            for y, row in enumerate(rows):
                for x, pixel in enumerate(row):
                    px, py = gx + x, gy + y
                    bit = 0x80 >> (px % 8)
                    if pixel == "#":
                        data[py * stride + px // 8] |= bit
                    else:
                        data[py * stride + px // 8] &= ~bit & 0xFF
        open(os.path.join(here, name), "wb").write(data)


if __name__ == "__main__":
    main()
