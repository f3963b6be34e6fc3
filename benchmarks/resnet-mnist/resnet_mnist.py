#!/usr/bin/python3
"""The residual network's yardstick: a small ResNet for MNIST, trained with today's recipe, on local IDX files.

It is what a team that knows PyTorch would write for the sample's mnist-resnet model file
(sample-project/src/main/cnn/mnist-resnet.yaml), layer for layer and step for step, so that the two can be compared
for accuracy and speed (docs/benchmarks.md). Run it with Debian's PyTorch (apt-get install python3-torch
python3-torchvision libopenblas0) on the system interpreter, /usr/bin/python3:

    /usr/bin/python3 resnet_mnist.py [--data DIR] [--epochs N] [--subset N] [--threads N] [--seed N]

DIR (default: the sample's vendored sample-project/data/mnist) holds train-images-idx3-ubyte,
train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or gzipped.

The network: a 3x3 convolution with 16 filters, then two basic residual blocks (two 3x3 convolutions, each followed
by batch norm, the sum with the block's input followed by ReLU) of 32 and 64 filters, each halving the image with
a stride of 2 and so taking a 1x1 convolution with batch norm as its shortcut; global average pooling and a linear
layer to the 10 classes. Convolutions followed by batch norm have no bias. (A third block of 16 filters on the
full 28x28 image doubles the cost of a step.)

Training: batch 128, AdamW (learning rate 0.003, weight decay 0.01, betas 0.9 and 0.999), the learning rate
rising linearly from 0 over the first epoch and then following a cosine down to 0 at the end of the last, stepped
per batch; cross-entropy with label smoothing 0.1; shuffled, last partial batch dropped, pixels scaled to [0, 1].
The test accuracy is measured over all 10,000 test images, once after the last epoch, as the model file's
training measures it (`testPass: end`, its default); --test-every-epoch measures it after each epoch.

Each epoch prints one line; the last line is
    RESULT epochs=E train_s=T images_per_s=R test_accuracy=A
"""
import argparse
import gzip
import math
import os
import struct
import sys
import time

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

BATCH_SIZE = 128
EPOCHS = 5
LEARNING_RATE = 0.003
WEIGHT_DECAY = 0.01
WARMUP_EPOCHS = 1
LABEL_SMOOTHING = 0.1
DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sample-project", "data", "mnist")


class BasicBlock(nn.Module):
    """conv-bn-relu-conv-bn, added to the input (through a 1x1 convolution and batch norm when the shape changes)."""

    def __init__(self, channels_in, channels_out, stride):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels_in, channels_out, 3, stride=stride, padding=1, bias=False),
            nn.BatchNorm2d(channels_out), nn.ReLU(),
            nn.Conv2d(channels_out, channels_out, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels_out),
        )
        self.shortcut = nn.Identity()
        if stride != 1 or channels_in != channels_out:
            self.shortcut = nn.Sequential(
                nn.Conv2d(channels_in, channels_out, 1, stride=stride, bias=False),
                nn.BatchNorm2d(channels_out),
            )

    def forward(self, x):
        return self.body(x) + self.shortcut(x)


class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
            BasicBlock(16, 32, 2), nn.ReLU(),
            BasicBlock(32, 64, 2), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
            nn.Linear(64, 10),
        )

    def forward(self, x):
        return self.layer(x)


def warmup_cosine(warmup_steps, total_steps):
    """The factor of the learning rate at a step: linear from 0 during the warm-up, then a cosine down to 0."""

    def factor(step):
        if step < warmup_steps:
            return step / warmup_steps
        progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
        return 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))

    return factor


def read_idx(folder, name):
    for path in (os.path.join(folder, name), os.path.join(folder, name + ".gz")):
        if os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
            magic, = struct.unpack(">I", data[:4])
            dims = struct.unpack(">" + "I" * (magic & 0xFF), data[4:4 + 4 * (magic & 0xFF)])
            body = data[4 + 4 * len(dims):]
            return torch.frombuffer(bytearray(body), dtype=torch.uint8).reshape(dims)
    sys.exit(f"{name} not found in {folder}")


def load(folder, prefix, subset=0):
    images = read_idx(folder, f"{prefix}-images-idx3-ubyte")
    labels = read_idx(folder, f"{prefix}-labels-idx1-ubyte")
    if subset:
        images, labels = images[:subset], labels[:subset]
    return TensorDataset(images.unsqueeze(1).float().div(255.0), labels.long())


def test_accuracy(model, test):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in test:
            correct += (model(x).argmax(1) == y).sum().item()
            total += y.size(0)
    return correct / total


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=EPOCHS)
    p.add_argument("--data", default=DEFAULT_DATA)
    p.add_argument("--subset", type=int, default=0, help="first N training images only")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--test-every-epoch", action="store_true", help="measure the test accuracy after each epoch")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train = DataLoader(load(args.data, "train", args.subset), batch_size=BATCH_SIZE,
                       shuffle=True, drop_last=True)
    test = DataLoader(load(args.data, "t10k"), batch_size=BATCH_SIZE)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{len(train.dataset)} training images", flush=True)

    model = ResNet()
    loss_func = nn.CrossEntropyLoss(label_smoothing=LABEL_SMOOTHING)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, warmup_cosine(WARMUP_EPOCHS * len(train), args.epochs * len(train)))
    train_s, images, accuracy = 0.0, 0, 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        start, loss_sum, batches = time.perf_counter(), 0.0, 0
        for x, y in train:
            optimizer.zero_grad()
            loss = loss_func(model(x), y)
            loss.backward()
            optimizer.step()
            schedule.step()
            loss_sum += loss.item()
            batches += 1
            images += x.size(0)
        train_s += time.perf_counter() - start
        line = f"epoch {epoch}: loss {loss_sum / batches:.4f}, "
        if args.test_every_epoch or epoch == args.epochs:
            accuracy = test_accuracy(model, test)
            line += f"test accuracy {accuracy:.4f}, "
        print(line + f"{images / train_s:.0f} images/s so far", flush=True)
    print(f"RESULT epochs={args.epochs} train_s={train_s:.2f} "
          f"images_per_s={images / train_s:.0f} test_accuracy={accuracy:.4f}")


if __name__ == "__main__":
    main()
