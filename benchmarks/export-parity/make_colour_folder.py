"""Writes the colour folder data set of benchmarks/export-parity.sh: colourised MNIST digits as 32x32 RGB PNGs.

The first 3,000 training images of each of the ten digits of the sample's vendored MNIST (30,000 images), each
padded to 32x32 and drawn in a colour on a background of another colour (luminances at least 80 apart), both drawn
from a generator seeded with 42, so the colour says nothing of the class. The same arguments write the same bytes.
cnn:train and the exported train.py hold out the same 20 % as test images (the model file's testSplit): 6,000
images, so that a test accuracy near 99 % carries a sampling error of about 0.13 points, under the 0.3 points the
parity check allows (with 1,200 test images of a harder set, as a first version had, it was about a point).
--source fashion writes six classes of Debian's dataset-fashion-mnist instead (t-shirt, trouser, pullover,
sandal, bag, ankle-boot).

    /usr/bin/python3 benchmarks/export-parity/make_colour_folder.py --out /tmp/colour-folder

Needs numpy and Pillow (apt-get install python3-numpy python3-pil; dataset-fashion-mnist for --source fashion).
"""
import argparse
import gzip
import os

import numpy as np
from PIL import Image

FASHION = "/usr/share/datasets/fashion-mnist"
MNIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sample-project", "data", "mnist")
LUMINANCE = np.array([0.299, 0.587, 0.114], dtype=np.float32)
FASHION_CLASSES = {0: "t-shirt", 1: "trouser", 2: "pullover", 5: "sandal", 8: "bag", 9: "ankle-boot"}
DIGITS = {digit: str(digit) for digit in range(10)}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def colours(random):
    """An ink and a paper colour whose luminances differ by at least 80 of 255, so every garment stays visible."""
    while True:
        ink, paper = random.integers(0, 256, size=(2, 3)).astype(np.float32)
        if abs(float(LUMINANCE @ ink) - float(LUMINANCE @ paper)) >= 80:
            return ink, paper


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="the folder to write, one sub-folder per class")
    parser.add_argument("--per-class", type=int, default=3000, help="images per class (default 3000)")
    parser.add_argument("--source", choices=["mnist", "fashion"], default="mnist", help="digits (default) or garments")
    parser.add_argument("--fashion", default=FASHION, help="the Fashion-MNIST IDX folder (default Debian's)")
    args = parser.parse_args()
    folder_in, classes = (MNIST, DIGITS) if args.source == "mnist" else (args.fashion, FASHION_CLASSES)
    images = read_idx(os.path.join(folder_in, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(folder_in, "train-labels-idx1-ubyte.gz"))
    random = np.random.default_rng(42)
    written = 0
    for label, name in classes.items():
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        for k, index in enumerate(np.flatnonzero(labels == label)[:args.per_class]):
            shape = np.pad(images[index], 2).astype(np.float32)[:, :, None] / 255.0
            ink, paper = colours(random)
            rgb = np.rint(shape * ink + (1.0 - shape) * paper).astype(np.uint8)
            Image.fromarray(rgb, "RGB").save(os.path.join(folder, "%s-%04d.png" % (name, k)), optimize=False)
            written += 1
    print("wrote %d images of %d classes to %s" % (written, len(classes), args.out))


if __name__ == "__main__":
    main()
