#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The mark is a white shield with an exclamation point: on the accent colour for color.png, on a
transparent background for outline.png (Teams requires a white, transparent outline icon).
Run again after changing the drawing; the PNGs are committed.
"""
import os
import struct
import zlib

ACCENT = (0xC4, 0x31, 0x4B)
WHITE = (0xFF, 0xFF, 0xFF)


def inside_shield(x, y):
    """(x, y) in the unit square; a shield: flat top, straight sides, curving to a point."""
    if y < 0.18 or y > 0.86 or x < 0.2 or x > 0.8:
        return False
    if y <= 0.5:
        return True
    half = 0.3 * (1 - ((y - 0.5) / 0.36) ** 2) ** 0.5
    return abs(x - 0.5) <= half


def inside_mark(x, y):
    """The exclamation point cut out of the shield."""
    bar = abs(x - 0.5) <= 0.05 and 0.28 <= y <= 0.58
    dot = (x - 0.5) ** 2 + (y - 0.69) ** 2 <= 0.055 ** 2
    return bar or dot


def pixel(size, px, py, transparent):
    samples = 4  # 4x4 supersampling for smooth edges
    shield = mark = 0
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            if inside_shield(x, y):
                if inside_mark(x, y):
                    mark += 1
                else:
                    shield += 1
    total = samples * samples
    if transparent:
        return WHITE + (round(255 * shield / total),)
    cover = shield / total
    return tuple(round(a + (w - a) * cover) for a, w in zip(ACCENT, WHITE)) + (255,)


def png(size, transparent):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(size, x, y, transparent)) for x in range(size))
        for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "color.png"), "wb") as f:
    f.write(png(192, transparent=False))
with open(os.path.join(here, "outline.png"), "wb") as f:
    f.write(png(32, transparent=True))
