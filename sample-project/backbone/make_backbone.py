#!/usr/bin/python3
"""Pretrains the sample's backbone on other data and writes the small training set that the fine-tuned model learns from.

The backbone is the convolutional part of mnist-cnn (conv 16, conv 32, max pool, conv 64, max pool, linear 100, relu),
trained with a five-class head on the digits 0 to 4 of the first 12,000 MNIST training images only. It is saved
without that head, as TorchScript, to digits04.pt: one 1x28x28 image (pixels scaled to [0, 1], no normalisation,
as the sample's model files read them) becomes 100 features.

The small training set, ../data/mnist-small/, holds 50 images of each of the ten digits, taken in file order from
the other 48,000 training images, which the backbone never saw. src/main/cnn/mnist-finetuned.yaml trains a new
ten-class head on it; src/compare/cnn/mnist-small-scratch.yaml trains the same network from scratch on it.

Run with Debian's PyTorch (apt-get install python3-torch), from this folder:

    /usr/bin/python3 make_backbone.py --threads 2
"""
import argparse
import gzip
import os
import struct

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = os.path.join(HERE, "..", "data", "mnist")
SMALL = os.path.join(HERE, "..", "data", "mnist-small")
PRETRAIN_IMAGES = 12000
PER_CLASS = 50


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, rows, cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8)


def write_idx(path, array, magic):
    header = struct.pack(">II", magic, array.shape[0])
    if magic == 2051:
        header += struct.pack(">II", array.shape[1], array.shape[2])
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(header + array.astype(np.uint8).tobytes())


def backbone():
    return nn.Sequential(
        nn.Conv2d(1, 16, 5), nn.ReLU(),
        nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(576, 100), nn.ReLU())


def tensors(images, labels):
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1), torch.from_numpy(labels.astype(np.int64))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    images = read_idx(os.path.join(MNIST, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(MNIST, "train-labels-idx1-ubyte.gz"))
    first = labels[:PRETRAIN_IMAGES] < 5
    x, y = tensors(images[:PRETRAIN_IMAGES][first], labels[:PRETRAIN_IMAGES][first])
    features = backbone()
    model = nn.Sequential(features, nn.Linear(100, 5))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(x))
        for start in range(0, len(x) - 63, 64):
            batch = order[start:start + 64]
            optimizer.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        print("epoch", epoch, "last batch loss", round(loss.item(), 4), flush=True)

    test_images = read_idx(os.path.join(MNIST, "t10k-images-idx3-ubyte.gz"))
    test_labels = read_idx(os.path.join(MNIST, "t10k-labels-idx1-ubyte.gz"))
    seen = test_labels < 5
    tx, ty = tensors(test_images[seen], test_labels[seen])
    model.eval()
    with torch.no_grad():
        accuracy = (model(tx).argmax(1) == ty).float().mean().item()
    print("pretraining test accuracy on the digits 0 to 4:", round(accuracy, 4))

    features.eval()
    torch.jit.save(torch.jit.script(features), os.path.join(HERE, "digits04.pt"))

    rest_images, rest_labels = images[PRETRAIN_IMAGES:], labels[PRETRAIN_IMAGES:]
    picked = np.concatenate([np.nonzero(rest_labels == digit)[0][:PER_CLASS] for digit in range(10)])
    picked.sort()
    os.makedirs(SMALL, exist_ok=True)
    write_idx(os.path.join(SMALL, "train-images-idx3-ubyte.gz"), rest_images[picked], 2051)
    write_idx(os.path.join(SMALL, "train-labels-idx1-ubyte.gz"), rest_labels[picked], 2049)
    print("wrote digits04.pt and", len(picked), "small-set images")


if __name__ == "__main__":
    main()
