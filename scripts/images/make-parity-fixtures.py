#!/usr/bin/python3
"""Generate the PIL parity fixtures for src/models/images/ (VGG16 preprocessing).

Run with Debian's Python, which has Pillow and numpy:

    /usr/bin/python3 scripts/images/make-parity-fixtures.py

Every image is generated here (seeded noise, gradients and simple shapes); nothing is read from
DATA_DIR. The output is deterministic: running the script twice gives the same bytes.

What it writes into src/models/images/fixtures/:
  parity.json   manifest: every case, where its bytes sit in parity.bin.gz, and SHA-256 digests of the
                Keras float32 outputs (caffe / tf / raw) computed from PIL's resized image
  parity.bin.gz raw uint8 pixels, concatenated and gzipped (mtime 0): sources as PIL decodes them,
                then PIL's resized outputs
  *.png         the PNG-style sources (for a later browser test that decodes real files)
  *.jpg         a few JPEGs (quality 90) whose PIL-decoded pixels are in parity.bin.gz, to measure
                how far a browser's JPEG decoder is from libjpeg as used by PIL (not used by the
                unit tests)

"As Keras does" means keras.utils.load_img(path, target_size=(h, w), interpolation=...):
open with PIL, convert('RGB') when the mode is not RGB, resize((w, h), resample) when the size
differs; then img_to_array (float32) and applications.vgg16.preprocess_input ("caffe" mode).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import PIL
from PIL import Image

OUT_DIR = Path(__file__).resolve().parents[2] / "src" / "models" / "images" / "fixtures"
SEED = 20240611

RESAMPLE = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR}
# Keras vgg16.preprocess_input, "caffe" mode: per-channel means in B, G, R order.
CAFFE_MEAN_BGR = [103.939, 116.779, 123.68]


# ---------------------------------------------------------------- image generation

def gradient(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    """A float RGB image: three linear ramps in random directions, values 0..255."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    out = np.empty((h, w, 3))
    for c in range(3):
        angle = rng.uniform(0, 2 * np.pi)
        ramp = np.cos(angle) * xx / max(w - 1, 1) + np.sin(angle) * yy / max(h - 1, 1)
        ramp -= ramp.min()
        out[..., c] = 255 * ramp / max(ramp.max(), 1e-9)
    return out


def draw_shapes(img: np.ndarray, rng: np.random.Generator, count: int) -> None:
    """Paint filled discs and rectangles of random solid colours into a float RGB image."""
    h, w, _ = img.shape
    yy, xx = np.mgrid[0:h, 0:w]
    for i in range(count):
        colour = rng.integers(0, 256, 3)
        if i % 2 == 0:
            cy, cx = rng.uniform(0, h), rng.uniform(0, w)
            r = rng.uniform(2, max(3, min(h, w) / 3))
            mask = (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
        else:
            y0, x0 = rng.integers(0, h), rng.integers(0, w)
            y1, x1 = y0 + rng.integers(1, max(2, h // 2)), x0 + rng.integers(1, max(2, w // 2))
            mask = (yy >= y0) & (yy < y1) & (xx >= x0) & (xx < x1)
        img[mask] = colour


def to_u8(img: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def make_sources(rng: np.random.Generator) -> list[tuple[str, Image.Image, list[tuple[int, int]]]]:
    """(name, PIL image in its file mode, target sizes as (height, width))."""
    cases = []

    # 1. RGB, mixed noise + gradient + shapes; downscale and mixed up/down targets.
    h, w = 61, 97
    img = gradient(h, w, rng) * 0.6 + rng.uniform(0, 102, (h, w, 3))
    draw_shapes(img, rng, 4)
    cases.append(("noise-gradient-rgb", Image.fromarray(to_u8(img), "RGB"), [(64, 64), (37, 53), (50, 31)]))

    # 2. RGB, hard-edged shapes on a gradient; mostly upscaling.
    h, w = 29, 41
    img = gradient(h, w, rng)
    draw_shapes(img, rng, 6)
    cases.append(("shapes-rgb", Image.fromarray(to_u8(img), "RGB"), [(64, 64), (50, 31), (37, 53)]))

    # 3. Grayscale ("L") source: Keras converts it to RGB with R = G = B before resizing.
    h, w = 45, 73
    img = gradient(h, w, rng)[..., 0] * 0.7 + rng.uniform(0, 77, (h, w))
    yy, xx = np.mgrid[0:h, 0:w]
    img[(yy - 20) ** 2 + (xx - 30) ** 2 < 100] = 250
    cases.append(("gray-l", Image.fromarray(to_u8(img), "L"), [(64, 64), (37, 53)]))

    # 4. RGBA source with alpha varying from 0 to 255 (ramp + noise), colour left under alpha 0:
    #    PIL's convert('RGB') drops the alpha channel without compositing.
    h, w = 67, 59
    rgb = gradient(h, w, rng) * 0.5 + rng.uniform(0, 127, (h, w, 3))
    draw_shapes(rgb, rng, 3)
    alpha = np.linspace(0, 255, w)[None, :] * np.ones((h, 1)) + rng.uniform(-40, 40, (h, w))
    alpha[:, :5] = 0  # fully transparent strip that still carries colour
    alpha[:5, :] = 255
    rgba = np.dstack([to_u8(rgb), to_u8(alpha)])
    cases.append(("rgba-alpha", Image.fromarray(rgba, "RGBA"), [(64, 64), (37, 53), (50, 31)]))

    # 5. Palette ("P") source with 12 colours and a transparency index (which convert('RGB') ignores).
    h, w = 38, 45
    img = gradient(h, w, rng)
    draw_shapes(img, rng, 5)
    pal = Image.fromarray(to_u8(img), "RGB").quantize(colors=12, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pal.info["transparency"] = 0
    cases.append(("palette-p", pal, [(37, 53), (50, 31), (64, 64)]))

    # 6. The one 224x224 case (VGG16's input size), upscaling 128x96. 128 -> 224 has 25 output
    #    columns where (x + 0.5) * 128/224 is exactly an integer, which is where PIL's accumulated
    #    coordinate and a directly computed floor((x + 0.5) * scale) disagree.
    h, w = 96, 128
    #    Low-amplitude noise keeps the gzipped 224x224 outputs small.
    img = gradient(h, w, rng) * 0.9 + rng.uniform(0, 25, (h, w, 3))
    draw_shapes(img, rng, 4)
    cases.append(("ties-224", Image.fromarray(to_u8(img), "RGB"), [(224, 224), (50, 31)]))

    # 7. Strong downscale (about 10x across, 6x down): BILINEAR's support grows to ~10 source pixels.
    h, w = 48, 256
    img = gradient(h, w, rng) * 0.8 + rng.uniform(0, 51, (h, w, 3))
    draw_shapes(img, rng, 6)
    cases.append(("strong-downscale", Image.fromarray(to_u8(img), "RGB"), [(8, 24), (7, 5)]))

    return cases


def make_jpeg_sources(rng: np.random.Generator) -> list[tuple[str, Image.Image]]:
    out = []
    h, w = 72, 96  # photo-like: smooth gradients, a few shapes, mild noise
    img = gradient(h, w, rng)
    draw_shapes(img, rng, 5)
    img += rng.normal(0, 6, (h, w, 3))
    out.append(("jpeg-photo-like", Image.fromarray(to_u8(img), "RGB")))
    h, w = 61, 97  # hard case for a decoder: full-range noise
    out.append(("jpeg-noise", Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")))
    h, w = 53, 75  # grayscale JPEG (one component)
    g = gradient(h, w, rng)[..., 1] * 0.8 + rng.uniform(0, 51, (h, w))
    out.append(("jpeg-gray", Image.fromarray(to_u8(g), "L")))
    return out


# ---------------------------------------------------------------- Keras-equivalent pipeline

def keras_load_img(path: Path, target_hw: tuple[int, int] | None, interpolation: str) -> Image.Image:
    """What keras.utils.load_img(path, target_size=target_hw, interpolation=...) does with color_mode='rgb'."""
    with open(path, "rb") as f:
        img = Image.open(f)
        img.load()
    if img.mode != "RGB":
        img = img.convert("RGB")
    if target_hw is not None:
        wh = (target_hw[1], target_hw[0])
        if img.size != wh:
            img = img.resize(wh, RESAMPLE[interpolation])
    return img


def keras_preprocess(img: Image.Image, mode: str) -> np.ndarray:
    """img_to_array (float32) followed by preprocess_input for the given mode, with Keras's numpy ops."""
    x = np.asarray(img, dtype=np.float32).copy()
    if mode == "caffe":
        x = x[..., ::-1]  # RGB -> BGR
        for c in range(3):
            x[..., c] -= CAFFE_MEAN_BGR[c]  # float32 in-place: float32(pixel) - float32(mean)
    elif mode == "tf":
        x /= 127.5
        x -= 1.0
    elif mode == "raw":  # not a Keras mode: plain rescale to [0, 1] in float32
        x /= np.float32(255.0)
    else:
        raise ValueError(mode)
    return np.ascontiguousarray(x, dtype="<f4")


def sha256(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


class Blob:
    """parity.bin(.gz): append byte ranges, remember offsets into the uncompressed bytes."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, data: bytes) -> dict:
        ref = {"offset": self.size, "length": len(data), "sha256": sha256(data)}
        self.parts.append(data)
        self.size += len(data)
        return ref


def decoded_source(path: Path) -> tuple[str, np.ndarray]:
    """The pixels PIL decodes from a file, as RGB or RGBA bytes (grayscale/palette via convert('RGB'))."""
    with open(path, "rb") as f:
        img = Image.open(f)
        img.load()
    mode = img.mode
    if mode == "RGBA":
        return mode, np.asarray(img)
    if mode != "RGB":
        img = img.convert("RGB")
    return mode, np.asarray(img)


def outputs_for(path: Path, targets: list[tuple[int, int]], blob: Blob) -> list[dict]:
    outs = []
    for (th, tw) in targets:
        for interp in ("nearest", "bilinear"):
            img = keras_load_img(path, (th, tw), interp)
            arr = np.asarray(img)
            assert arr.shape == (th, tw, 3) and arr.dtype == np.uint8
            outs.append({
                "interpolation": interp,
                "height": th,
                "width": tw,
                "pixels": blob.add(arr.tobytes()),
                "float32Sha256": {m: sha256(keras_preprocess(img, m).tobytes()) for m in ("caffe", "tf", "raw")},
            })
    return outs


def normalization_tables() -> dict:
    """For every uint8 value v: Keras's float32 result per mode, as base64 of little-endian float32
    laid out 256 x 3 (value-major, then output channel; caffe channels are B, G, R)."""
    v = np.arange(256, dtype=np.uint8)
    rgb = np.stack([v, v, v], axis=-1)[None, :, :]  # 1 x 256 x 3 "image" with R = G = B = v
    img = Image.fromarray(rgb, "RGB")
    tables = {}
    for mode in ("caffe", "tf", "raw"):
        x = keras_preprocess(img, mode)[0]  # 256 x 3, channel order of the output
        tables[mode] = base64.b64encode(x.astype("<f4").tobytes()).decode("ascii")
    return tables



def describe_source(name, path, blob):
    """The fields every case shares: the file, PIL's mode, and the pixels PIL decoded (stored in blob)."""
    mode, src = decoded_source(path)
    h, w = src.shape[:2]
    return {
        "name": name,
        "file": path.name,
        "fileMode": mode,
        "width": w,
        "height": h,
        "channels": int(src.shape[2]),
        "source": blob.add(src.tobytes()),
    }

def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    blob = Blob()

    png_cases = []
    for name, img, targets in make_sources(rng):
        path = OUT_DIR / f"{name}.png"
        img.save(path, format="PNG", optimize=False)
        png_cases.append({**describe_source(name, path, blob), "outputs": outputs_for(path, targets, blob)})

    jpeg_cases = []
    for name, img in make_jpeg_sources(rng):
        path = OUT_DIR / f"{name}.jpg"
        img.save(path, format="JPEG", quality=90, subsampling="4:2:0", optimize=False, progressive=False)
        case = describe_source(name, path, blob)
        jpeg_cases.append({
            **case,
            "quality": 90,
            "subsampling": "4:2:0" if case["fileMode"] != "L" else "none (one component)",
            "vgg16Nearest224CaffeSha256": sha256(keras_preprocess(keras_load_img(path, (224, 224), "nearest"), "caffe").tobytes()),
        })

    raw = b"".join(blob.parts)
    (OUT_DIR / "parity.bin.gz").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    manifest = {
        "about": "PIL parity fixtures for src/models/images; made by scripts/images/make-parity-fixtures.py; see README.md",
        "generator": {
            "seed": SEED,
            "pillow": PIL.__version__,
            "numpy": np.__version__,
            "python": ".".join(map(str, sys.version_info[:3])),
        },
        "bin": "parity.bin.gz",
        "binBytes": len(raw),
        "binSha256": sha256(raw),
        "layout": "uint8, row-major, height x width x channels; outputs are RGB (3 channels)",
        "caffeMeanBGR": CAFFE_MEAN_BGR,
        "kerasTables": normalization_tables(),
        "kerasTablesLayout": "base64 of little-endian float32, 256 x 3: value v in 0..255, then output channel",
        "png": png_cases,
        "jpeg": jpeg_cases,
    }
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    (OUT_DIR / "parity.json").write_text(text)

    total = sum(p.stat().st_size for p in OUT_DIR.iterdir() if p.is_file())
    print(f"wrote {len(png_cases)} PNG cases, {len(jpeg_cases)} JPEG cases, parity.bin {blob.size} bytes (gzipped); folder total {total} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
