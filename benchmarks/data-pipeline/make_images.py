"""Writes a folder of JPEG files in class folders for the data pipeline benchmark (docs/benchmarks.md).

Each image is 224x224 RGB: a class colour in one quarter over seeded noise, so that it decodes at the cost of a
photo of about its JPEG size. Only --unique images are encoded; the other files are byte copies of them (decoding a
copy costs the same, and writing 20,000 encoded files would take longer than the benchmark on a busy machine).

    /usr/bin/python3 benchmarks/data-pipeline/make_images.py /tmp/pipeline/images --count 20000 --classes 4
"""
import argparse
import os
import random

from PIL import Image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--classes", type=int, default=4)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--unique", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    colours = [(200, 40, 40), (40, 200, 40), (40, 40, 200), (200, 200, 40), (200, 40, 200), (40, 200, 200)]
    noise = [bytes(rng.randrange(256) for _ in range(args.size * args.size * 3)) for _ in range(4)]
    encoded = {}
    for i in range(args.count):
        label = i % args.classes
        folder = os.path.join(args.folder, "class%d" % label)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%06d.jpg" % i)
        if os.path.exists(path):
            if i < args.unique:  # a resumed run copies the images an earlier run encoded
                with open(path, "rb") as f:
                    encoded.setdefault(label, []).append(f.read())
            continue
        if i < args.unique:
            image = Image.frombytes("RGB", (args.size, args.size), noise[i % len(noise)])
            image = image.rotate(rng.randrange(360))
            quarter = args.size // 2
            x = (label % 2) * quarter
            y = (label // 2 % 2) * quarter
            image.paste(colours[label % len(colours)], (x, y, x + quarter, y + quarter))
            image.save(path, quality=90)
            with open(path, "rb") as f:
                encoded.setdefault(label, []).append(f.read())
        else:
            copies = encoded[label]
            with open(path, "wb") as f:
                f.write(copies[i % len(copies)])


if __name__ == "__main__":
    main()
