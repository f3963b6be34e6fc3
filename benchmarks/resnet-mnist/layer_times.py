"""Times each layer's forward pass, the backward pass and the optimizer's step inside training steps of the residual
network of resnet_mnist.py, with the clock alone (PyTorch's profiler slows the memory-bound calls it records).

The twin of cnn-core's LayerTimesBenchmark, which times the model file's version the same way; layer-times.sh runs
the two in turns. Rows are named as there: a layer by its position in the network ("4 body.2" is the second layer of
the fourth layer's main path, "4 add" the sum of the block's two paths) and its kind; Flatten counts with the pooling
before it, as the model file's globalAvgPool does both. The batch is generated, a fifth of the pixels inked as in
MNIST, the recipe the script's own (AdamW, warm-up and cosine, label smoothing). Run it with Debian's PyTorch:

    /usr/bin/python3 layer_times.py [--steps N] [--threads N]

Prints one line per row: its label and its mean milliseconds per step, tab-separated.
"""
import argparse
import time
from collections import OrderedDict

import torch
import torch.nn as nn

import resnet_mnist as reference

WARM_UP_STEPS = 20
KINDS = {nn.Conv2d: "conv", nn.BatchNorm2d: "batchnorm", nn.ReLU: "activation", nn.AdaptiveAvgPool2d: "pool",
         nn.Linear: "linear"}


class LayerTimer:
    def __init__(self):
        self.ms = OrderedDict()

    def add(self, row, start):
        self.ms[row] = self.ms.get(row, 0.0) + (time.perf_counter() - start) * 1e3

    def sequence(self, layers, position, x):
        """Runs a sequence as nn.Sequential does, timing each layer; Flatten joins the row before it."""
        index, last = 0, None
        for layer in layers:
            start = time.perf_counter()
            if isinstance(layer, nn.Flatten):
                x = layer(x)
                self.add(last, start)
                continue
            index += 1
            label = f"{index}" if not position else f"{position}.{index}"
            if isinstance(layer, reference.BasicBlock):
                main = self.sequence(layer.body, f"{label} body", x)
                shortcut = self.sequence(layer.shortcut, f"{label} shortcut", x) \
                    if isinstance(layer.shortcut, nn.Sequential) else x
                start = time.perf_counter()
                x = main + shortcut
                self.add(f"{label} add", start)
                continue
            x = layer(x)
            last = f"{label} {KINDS[type(layer)]}"
            self.add(last, start)
        return x


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=150)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = reference.ResNet()
    model.train()
    loss_func = nn.CrossEntropyLoss(label_smoothing=reference.LABEL_SMOOTHING)
    optimizer = torch.optim.AdamW(model.parameters(), lr=reference.LEARNING_RATE,
                                  weight_decay=reference.WEIGHT_DECAY)
    total = WARM_UP_STEPS + args.steps
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, reference.warmup_cosine(total // 8, total))
    generator = torch.Generator().manual_seed(7)
    shape = (reference.BATCH_SIZE, 1, 28, 28)
    images = (torch.rand(shape, generator=generator) < 0.2).float() * torch.rand(shape, generator=generator)
    labels = torch.randint(0, 10, (reference.BATCH_SIZE,), generator=generator)
    for steps in (WARM_UP_STEPS, args.steps):
        timer = LayerTimer()
        for _ in range(steps):
            step_start = time.perf_counter()
            start = time.perf_counter()
            optimizer.zero_grad()
            timer.add("optimizer step", start)
            start = time.perf_counter()
            logits = timer.sequence(model.layer, "", images)
            timer.add("forward", start)
            start = time.perf_counter()
            loss = loss_func(logits, labels)
            timer.add("loss", start)
            start = time.perf_counter()
            loss.backward()
            timer.add("backward", start)
            loss.item()
            start = time.perf_counter()
            optimizer.step()
            schedule.step()
            timer.add("optimizer step", start)
            timer.add("whole step", step_start)
    for row, ms in timer.ms.items():
        print(f"{row}\t{ms / args.steps:.3f}")


if __name__ == "__main__":
    main()
