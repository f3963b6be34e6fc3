"""The model file's data, read and prepared as cnn:train reads and prepares them.

IDX files, a folder of class folders, or a CSV file of path,label rows; images decoded to bytes (grey by luminance
for one channel, grey repeated for three), sized as data.resize says (the same area shrink and bilinear resampling),
scaled to [0, 1] and normalised per channel; a testSplit is the model directory's test-split.txt when one is given,
else the same seeded, stratified split as cnn:train's (java.util.Random, ported). Augmentations have the same
semantics (black padding, flips, bilinear rotation, brightness and contrast around the mean grey). Written by
cnn:export; do not edit.
"""
import csv
import gzip
import hashlib
import math
import os
import struct

import numpy as np
import torch

IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "bmp", "gif", "webp")
HELD_OUT_FILE = "test-split.txt"
HELD_OUT_HEADER = ("# test images held out by data.testSplit, relative to the data folder or CSV file;"
                   " written by cnn:train")


class DataError(Exception):
    pass


class Data:
    """Training and test images as uint8 N x C x H x W tensors, labels as int64, and what the model directory records."""

    def __init__(self, train_x, train_y, test_x, test_y, class_names, normalization, held_out, file_hashes):
        self.train_x, self.train_y, self.test_x, self.test_y = train_x, train_y, test_x, test_y
        self.class_names = class_names
        self.normalization = normalization
        self.held_out = held_out
        self.file_hashes = file_hashes


class JavaRandom:
    """java.util.Random, so a testSplit holds out the same images as cnn:train's."""

    def __init__(self, seed):
        self.state = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def _next(self, bits):
        self.state = (self.state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.state >> (48 - bits)

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self._next(31)) >> 31
        while True:
            bits = self._next(31)
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 31):
                return value

    def shuffle(self, items):
        for i in range(len(items), 1, -1):
            j = self.next_int(i)
            items[i - 1], items[j] = items[j], items[i - 1]


def counted(count, singular, plural=None):
    """A count and its noun, as cnn-core's text.Counted writes it: "1 image", "1,200 images", "1 process", "2 processes"."""
    return "{:,d} {}".format(count, singular if count == 1 else (plural or singular + "s"))


def java_round(value):
    return math.floor(value + 0.5)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_idx(path, expected_dims):
    opener = gzip.open if _is_gzip(path) else open
    try:
        with opener(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise DataError("%s: cannot be read (%s)" % (path, e))
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 8 or data[3] != expected_dims:
        raise DataError("%s: not an IDX file of unsigned bytes with %d dimensions" % (path, expected_dims))
    dims = struct.unpack(">" + "i" * expected_dims, data[4:4 + 4 * expected_dims])
    count = int(np.prod(dims))
    body = data[4 + 4 * expected_dims:]
    if len(body) != count:
        raise DataError("%s: header says %s values but the file holds %d" % (path, list(dims), len(body)))
    return np.frombuffer(body, dtype=np.uint8).reshape(dims)


def _is_gzip(path):
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def _is_image(name):
    dot = name.rfind(".")
    return dot > 0 and name[dot + 1:].lower() in IMAGE_EXTENSIONS


def _key(root, path):
    return os.path.relpath(path, root).replace(os.sep, "/")


def list_folder(root):
    """Returns (class names, [(path, key, label)]) as cnn:train lists a folder of class folders."""
    if not os.path.isdir(root):
        raise DataError("%s: folder not found; check --data-root" % root)
    names = sorted(n for n in os.listdir(root) if not n.startswith(".") and os.path.isdir(os.path.join(root, n)))
    if len(names) < 2:
        raise DataError("%s: needs at least two class folders, found %d" % (root, len(names)))
    files = []
    for label, name in enumerate(names):
        found = []
        for folder, dirs, leaves in os.walk(os.path.join(root, name), followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for leaf in leaves:
                path = os.path.join(folder, leaf)
                if not leaf.startswith(".") and os.path.isfile(path) and _is_image(leaf):
                    found.append(path)
        if not found:
            raise DataError("%s: class folder '%s' holds no images" % (os.path.join(root, name), name))
        for path in sorted(found, key=os.fsencode):
            files.append((path, _key(root, path), label))
    return names, files


def list_csv(csv_file):
    """Returns (class names, [(path, key, label)]) as cnn:train lists a CSV file of path,label rows."""
    parent = os.path.dirname(os.path.abspath(csv_file))
    try:
        with open(csv_file, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        raise DataError("%s: cannot be read (%s)" % (csv_file, e))
    if not rows or [c.strip() for c in rows[0]] != ["path", "label"]:
        raise DataError("%s:1: the first row must be the header 'path,label'" % csv_file)
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != 2:
            raise DataError("%s:%d: a row must have two fields, path,label" % (csv_file, number))
        entries.append((row[0].strip(), row[1].strip()))
    numbers = bool(entries) and entries[0][1].isdigit() and len(entries[0][1]) <= 9
    if numbers:
        names = [str(i) for i in range(max(int(label) for _, label in entries) + 1)]
    else:
        names = sorted(set(label for _, label in entries))
    files = []
    for path, label in entries:
        full = os.path.normpath(os.path.join(parent, path))
        if not os.path.isfile(full):
            raise DataError("%s: image %s not found (looked for %s)" % (csv_file, path, full))
        files.append((full, _key(parent, full), int(label) if numbers else names.index(label)))
    return names, files


def decode(path, channels, height, width, resize):
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as image:
            planes = _planes(ImageOps.exif_transpose(image))
    except (OSError, ValueError) as e:
        raise DataError("%s: cannot be decoded as an image (%s)" % (path, e))
    h, w = planes.shape[1], planes.shape[2]
    if resize == "none" and (h, w) != (height, width):
        raise DataError("%s: image is %dx%d (height x width) but the model input is %dx%d; set data.resize"
                        % (path, h, w, height, width))
    planes = _to_channels(planes, channels)
    if (h, w) == (height, width):
        return planes
    return resample(planes, height, width, resize == "crop")


def _planes(image):
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        values = np.asarray(image, dtype=np.int64)
        return ((values * 255 + 65535 // 2) // 65535).astype(np.uint8)[None]
    if image.mode in ("L", "1"):
        return np.asarray(image.convert("L"), dtype=np.uint8)[None]
    if image.mode == "LA":
        return np.asarray(image, dtype=np.uint8)[:, :, 0][None]
    return np.asarray(image.convert("RGB"), dtype=np.uint8).transpose(2, 0, 1).copy()


def _to_channels(planes, channels):
    if planes.shape[0] == channels:
        return planes
    if channels == 1:
        p = planes.astype(np.float64)
        grey = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]
        return np.floor(grey + 0.5).astype(np.uint8)[None]
    return np.repeat(planes, channels, axis=0)


def resample(planes, to_height, to_width, crop):
    """cnn:train's resize: an area shrink by whole blocks, then bilinear sampling of pixel centres."""
    channels, height, width = planes.shape
    scale_y, scale_x = to_height / height, to_width / width
    if crop:
        scale_y = scale_x = max(scale_y, scale_x)
    block = int(math.floor(1 / max(scale_y, scale_x)))
    if block >= 2:
        h, w = height // block, width // block
        sums = planes[:, :h * block, :w * block].astype(np.int64).reshape(channels, h, block, w, block).sum(axis=(2, 4))
        area = block * block
        planes = ((sums + area // 2) // area).astype(np.uint8)
        height, width = h, w
        scale_y *= block
        scale_x *= block
    offset_y = (height * scale_y - to_height) / 2
    offset_x = (width * scale_x - to_width) / 2
    sy = np.clip((np.arange(to_height) + 0.5 + offset_y) / scale_y - 0.5, 0, height - 1)
    sx = np.clip((np.arange(to_width) + 0.5 + offset_x) / scale_x - 0.5, 0, width - 1)
    y0 = sy.astype(np.int64)
    x0 = sx.astype(np.int64)
    y1 = np.minimum(y0 + 1, height - 1)
    x1 = np.minimum(x0 + 1, width - 1)
    fy = (sy - y0)[:, None]
    fx = (sx - x0)[None, :]
    p = planes.astype(np.float64)
    top = p[:, y0][:, :, x0] * (1 - fx) + p[:, y0][:, :, x1] * fx
    bottom = p[:, y1][:, :, x0] * (1 - fx) + p[:, y1][:, :, x1] * fx
    return np.floor(top * (1 - fy) + bottom * fy + 0.5).astype(np.uint8)


def stratified_split(files, class_count, share, seed):
    """The keys cnn:train holds out for testSplit: per class, a java.util.Random shuffle, the first round(share*n)."""
    random = JavaRandom(seed)
    held = set()
    for label in range(class_count):
        of_class = [f for f in files if f[2] == label]
        random.shuffle(of_class)
        count = java_round(share * len(of_class))
        if count == 0 or count == len(of_class):
            raise DataError("testSplit %s leaves class %d (%s) without test or training images"
                            % (share, label, counted(len(of_class), "image")))
        held.update(f[1] for f in of_class[:count])
    return held


def read_held_out(path):
    with open(path, encoding="utf-8") as f:
        return set(line.rstrip("\n") for line in f if line.strip() and not line.startswith("#"))


def _decode_all(files, config):
    """Decodes the files; with data.onBadImage: skip, an image that cannot be read is left out and counted."""
    c, h, w = config["input"]
    resize = config["data"]["resize"]
    skip = config["data"].get("onBadImage") == "skip"
    images = np.zeros((len(files), c, h, w), dtype=np.uint8)
    kept = []
    for path, key, label in files:
        try:
            images[len(kept)] = decode(path, c, h, w, resize)
        except DataError as e:
            if not skip or "cannot be decoded" not in str(e):
                raise
            print("skipped %s: %s" % (key, e), flush=True)
            continue
        kept.append(label)
    labels = np.array(kept, dtype=np.int64)
    return torch.from_numpy(images[:len(kept)].copy()), torch.from_numpy(labels)


def load(config, data_root, held_out_file=None):
    """Reads the training and test sets of the exported model file, with paths relative to data_root."""
    data = config["data"]
    c, h, w = config["input"]
    hashes = {}
    if data["format"] == "idx":
        sets = []
        for part in ("train", "test"):
            images_path = os.path.join(data_root, data[part]["images"])
            labels_path = os.path.join(data_root, data[part]["labels"])
            for path in (images_path, labels_path):
                if not os.path.isfile(path):
                    raise DataError("%s not found; give --data-root, the folder the model file's data paths are"
                                    " relative to (the project that exported it)" % path)
            images = read_idx(images_path, 3)
            labels = read_idx(labels_path, 1).astype(np.int64)
            if images.shape[1:] != (h, w) or c != 1 or len(images) != len(labels):
                raise DataError("%s: %s images of %s do not match the input %s or the %d labels"
                                % (images_path, len(images), images.shape[1:], config["input"], len(labels)))
            hashes[part + ".images"] = sha256(images_path)
            hashes[part + ".labels"] = sha256(labels_path)
            sets.append((torch.from_numpy(images.copy()).unsqueeze(1), torch.from_numpy(labels)))
        names = data.get("classNames") or [str(i) for i in range(config["classes"])]
        (train_x, train_y), (test_x, test_y) = sets
        held = None
    else:
        lister = list_folder if data["format"] == "folder" else list_csv
        root = os.path.join(data_root, data["train"])
        names, files = lister(root)
        if len(names) != config["classes"]:
            raise DataError("%s holds %d classes, but the model file says classes: %d"
                            % (root, len(names), config["classes"]))
        if data.get("testSplit"):
            held = (read_held_out(held_out_file) if held_out_file
                    else stratified_split(files, len(names), data["testSplit"], config["training"]["seed"]))
            test_files = [f for f in files if f[1] in held]
            train_files = [f for f in files if f[1] not in held]
            if held_out_file and len(test_files) != len(held):
                raise DataError("%s lists %d images, of which %d are in %s"
                                % (held_out_file, len(held), len(test_files), root))
            held = [f[1] for f in test_files]
        else:
            test_names, test_files = lister(os.path.join(data_root, data["test"]))
            unknown = [n for n in test_names if n not in names]
            if unknown:
                raise DataError("class '%s' of the test set is not among the training set's classes" % unknown[0])
            test_files = [(p, k, names.index(test_names[label])) for p, k, label in test_files]
            train_files = files
            held = None
        train_x, train_y = _decode_all(train_files, config)
        test_x, test_y = _decode_all(test_files, config)
    normalization = normalization_of(config, train_x)
    return Data(train_x, train_y, test_x, test_y, names, normalization, held, hashes)


def normalization_of(config, train_x):
    spec = config["data"].get("normalize")
    if spec is None:
        return None
    if spec == "auto":
        values = train_x.to(torch.float64)
        n = values.shape[0] * values.shape[2] * values.shape[3]
        sums = values.sum(dim=(0, 2, 3))
        squares = (values * values).sum(dim=(0, 2, 3))
        m = sums / n
        std = torch.sqrt(torch.clamp(squares / n - m * m, min=0)) / 255
        return {"mean": (m / 255).tolist(), "std": std.tolist()}
    return {"mean": list(spec["mean"]), "std": list(spec["std"])}


def to_input(images, normalization, device="cpu"):
    """uint8 N x C x H x W to the network's float input: / 255, then (x - mean) / std per channel."""
    x = images.to(device=device, dtype=torch.float32) / 255.0
    if normalization is not None:
        mean = torch.tensor(normalization["mean"], dtype=torch.float32, device=device).view(1, -1, 1, 1)
        std = torch.tensor(normalization["std"], dtype=torch.float32, device=device).view(1, -1, 1, 1)
        x = (x - mean) / std
    return x


def augment(batch, steps, generator):
    """Applies the model file's data.augment to a uint8 batch, image by image, in the order given."""
    if not steps:
        return batch
    out = batch.to(torch.float64).clone()
    n, c, h, w = out.shape
    for i in range(n):
        image = out[i]
        for step in steps:
            kind = step["type"]
            if kind == "randomCrop":
                p = step["padding"]
                dx = int(torch.randint(-p, p + 1, (1,), generator=generator))
                dy = int(torch.randint(-p, p + 1, (1,), generator=generator))
                padded = torch.nn.functional.pad(image, (p, p, p, p))
                image = padded[:, p + dy:p + dy + h, p + dx:p + dx + w].clone()
            elif kind == "horizontalFlip":
                if float(torch.rand(1, generator=generator, dtype=torch.float64)) < step["probability"]:
                    image = image.flip(2)
            elif kind == "rotation":
                angle = math.radians((float(torch.rand(1, generator=generator, dtype=torch.float64)) * 2 - 1)
                                     * step["degrees"])
                image = _rotate(image, angle)
            elif kind == "colorJitter":
                brightness = 1 + (float(torch.rand(1, generator=generator, dtype=torch.float64)) * 2 - 1) * step["brightness"]
                contrast = 1 + (float(torch.rand(1, generator=generator, dtype=torch.float64)) * 2 - 1) * step["contrast"]
                grey = (0.299 * image[0] + 0.587 * image[1] + 0.114 * image[2]) if c == 3 else image[0]
                grey = float(grey.mean()) * brightness
                bright = torch.clamp(image * brightness, max=255)
                image = torch.clamp((bright - grey) * contrast + grey, 0, 255)
            else:
                raise DataError("augmentation %s is not known to this package" % kind)
        out[i] = image
    return torch.clamp(torch.floor(out + 0.5), 0, 255).to(torch.uint8)


def _rotate(image, radians):
    c, h, w = image.shape
    cos, sin = math.cos(radians), math.sin(radians)
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    ys, xs = torch.meshgrid(torch.arange(h, dtype=torch.float64), torch.arange(w, dtype=torch.float64), indexing="ij")
    sx = cos * (xs - cx) + sin * (ys - cy) + cx
    sy = -sin * (xs - cx) + cos * (ys - cy) + cy
    inside = (sy >= -0.5) & (sy <= h - 0.5) & (sx >= -0.5) & (sx <= w - 0.5)
    y0 = torch.floor(sy).long()
    x0 = torch.floor(sx).long()
    fy, fx = sy - y0, sx - x0
    padded = torch.nn.functional.pad(image, (1, 1, 1, 1))

    def at(y, x):
        return padded[:, (y + 1).clamp(0, h + 1), (x + 1).clamp(0, w + 1)]

    value = (at(y0, x0) * (1 - fy) * (1 - fx) + at(y0, x0 + 1) * (1 - fy) * fx
             + at(y0 + 1, x0) * fy * (1 - fx) + at(y0 + 1, x0 + 1) * fy * fx)
    return torch.where(inside, value, torch.zeros_like(value))
