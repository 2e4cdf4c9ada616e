#!/usr/bin/python3
"""Check the facts about Pillow that src/models/images/ relies on, against the installed Pillow.

    /usr/bin/python3 scripts/images/verify-pil-behaviour.py [max_size]

Prints one line per fact and exits non-zero if any does not hold. Facts:
1. NEAREST picks source index trunc(running sum), the sum starting at scale/2 and growing by
   scale = src/dst (double) per output pixel; floor((x + 0.5) * scale) computed directly differs
   wherever that product is exactly an integer (e.g. 640->224 in 20 columns).
2. convert('RGB') drops alpha from RGBA (no compositing), repeats L into R=G=B, maps P through its
   palette and ignores its transparency index.
3. Keras's float32 caffe subtraction equals fround(v - fround(mean)); fround(v - mean) differs for
   187 of the 768 (value, channel) pairs.
"""

from __future__ import annotations

import math
import sys

import numpy as np
from PIL import Image

failures = 0


def check(ok: bool, what: str) -> None:
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def pil_nearest_indices(src: int, dst: int) -> list[int]:
    row = np.zeros((1, src, 3), np.uint8)
    row[0, :, 0] = np.arange(src) % 256
    row[0, :, 1] = np.arange(src) // 256
    out = np.asarray(Image.fromarray(row).resize((dst, 1), Image.NEAREST)).astype(int)
    return (out[0, :, 0] + 256 * out[0, :, 1]).tolist()


def accumulated(src: int, dst: int) -> list[int]:
    scale = src / dst
    pos = scale * 0.5
    out = []
    for _ in range(dst):
        out.append(int(pos))
        pos += scale
    return out


def direct(src: int, dst: int) -> list[int]:
    return [math.floor((x + 0.5) * src / dst) for x in range(dst)]


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 160
    pairs = [(s, d) for s in range(1, limit + 1) for d in range(1, limit + 1) if s != d]
    pairs += [(s, 224) for s in (256, 320, 480, 500, 512, 640, 1024, 1080, 1920, 3000, 4032)]
    acc_bad = sum(pil_nearest_indices(s, d) != accumulated(s, d) for s, d in pairs)
    dir_bad = sum(pil_nearest_indices(s, d) != direct(s, d) for s, d in pairs)
    check(acc_bad == 0, f"NEAREST = accumulated coordinate on {len(pairs)} size pairs (mismatches: {acc_bad})")
    print(f"     direct floor((x + 0.5) * scale) mismatches on {dir_bad} of those pairs")
    ties = sum(a != b for a, b in zip(accumulated(640, 224), direct(640, 224)))
    check(ties == 20, f"640 -> 224: {ties} columns where the two formulas disagree")
    rows = np.zeros((2, 1, 3), np.uint8)
    rows[:, 0, 0] = np.arange(2)
    col = np.asarray(Image.fromarray(rows).resize((1, 7), Image.NEAREST))[:, 0, 0].tolist()
    check(col == accumulated(2, 7) != direct(2, 7), f"vertical axis follows the same rule (2 -> 7 rows: {col})")

    rgba = Image.fromarray(np.array([[[200, 100, 50, 0], [10, 20, 30, 128]]], np.uint8), "RGBA")
    got = np.asarray(rgba.convert("RGB")).tolist()
    check(got == [[[200, 100, 50], [10, 20, 30]]], f"RGBA -> RGB drops alpha, no compositing: {got}")
    gray = Image.fromarray(np.array([[0, 77, 255]], np.uint8), "L")
    got = np.asarray(gray.convert("RGB")).tolist()
    check(got == [[[0, 0, 0], [77, 77, 77], [255, 255, 255]]], f"L -> RGB repeats the value: {got}")
    pal = Image.new("P", (3, 1))
    pal.putpalette([10, 20, 30, 40, 50, 60, 70, 80, 90] + [0] * 759)
    pal.putdata([2, 0, 1])
    pal.info["transparency"] = 0
    got = np.asarray(pal.convert("RGB")).tolist()
    check(got == [[[70, 80, 90], [10, 20, 30], [40, 50, 60]]], f"P -> RGB uses the palette, ignores transparency: {got}")

    v = np.arange(256, dtype=np.float32)
    naive_differs = 0
    exact = True
    for mean in (103.939, 116.779, 123.68):
        x = v.copy()
        x -= mean  # what Keras's preprocess_input does on img_to_array's float32 array
        exact &= bool(np.array_equal(x, (v.astype(np.float64) - float(np.float32(mean))).astype(np.float32)))
        naive_differs += int(((v.astype(np.float64) - mean).astype(np.float32) != x).sum())
    check(exact, "float32 caffe subtraction == fround(v - fround(mean)) for all bytes")
    check(naive_differs == 187, f"fround(v - mean) would differ for {naive_differs} of 768 pairs")

    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
