"""Decodes every image of DATA_DIR/cat-coffee with PIL, as keras.utils.load_img does
(Image.open, convert('RGB') when not RGB, resize with NEAREST only if the size differs), and writes
one raw RGB cache: a JSON index line, then width*height*3 bytes per image, in index order.

usage: /usr/bin/python3 decode-with-pil.py DATA_DIR/cat-coffee SIZE OUT_FILE
"""
import json
import os
import sys

from PIL import Image

root, size, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
files = [(c, f) for c in classes for f in sorted(os.listdir(os.path.join(root, c)))]
with open(out_path + '.tmp', 'wb') as out:
    index = {'classes': classes, 'size': size, 'files': [f'{c}/{f}' for c, f in files], 'labels': [classes.index(c) for c, _ in files]}
    out.write((json.dumps(index) + '\n').encode())
    for c, f in files:
        img = Image.open(os.path.join(root, c, f))
        if img.mode != 'RGB':
            img = img.convert('RGB')
        if img.size != (size, size):
            img = img.resize((size, size), Image.NEAREST)
        out.write(img.tobytes())
os.replace(out_path + '.tmp', out_path)
