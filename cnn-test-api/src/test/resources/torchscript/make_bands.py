#!/usr/bin/python3
"""Writes bands.pt, the TorchScript test model of cnn-test-api, with hand-set weights.

The task ("bands"): 6x6 grey images, 3 classes; class k is bright in columns 2k and 2k+1.
The model is nn.Sequential(Flatten, Linear(36, 3)) and expects pixels normalised as
(x / 255 - 0.5) / 0.5, in [-1, 1]. Weight 0.125 on the 12 pixels of band k, 0 elsewhere,
and bias 1.5 make its logits those of the hand-set DJL model of the tests (weight 0.25,
no bias, pixels in [0, 1]): a full-bright band gives logit 3, a black one 0. So the two
models predict alike, to the last probability, only when the pixel scaling is right.

Run with Debian's PyTorch (apt-get install python3-torch), from this folder:

    /usr/bin/python3 make_bands.py
"""
import torch
import torch.nn as nn


def main():
    model = nn.Sequential(nn.Flatten(), nn.Linear(36, 3))
    with torch.no_grad():
        weight = torch.zeros(3, 6, 6)
        for k in range(3):
            weight[k, :, 2 * k:2 * k + 2] = 0.125
        model[1].weight.copy_(weight.reshape(3, 36))
        model[1].bias.fill_(1.5)
    model.eval()
    scripted = torch.jit.script(model)
    torch.jit.save(scripted, "bands.pt")

    bright_left = torch.zeros(1, 1, 6, 6)
    bright_left[..., 0:2] = 1.0
    print("torch", torch.__version__, "logits of a bright band 0:", scripted((bright_left - 0.5) / 0.5).tolist())


if __name__ == "__main__":
    main()
