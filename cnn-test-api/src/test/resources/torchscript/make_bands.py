#!/usr/bin/python3
"""Writes bands.pt and bands_view.pt, the TorchScript test models of cnn-test-api, with hand-set weights.

The task ("bands"): 6x6 grey images, 3 classes; class k is bright in columns 2k and 2k+1.
The model is nn.Sequential(Flatten, Linear(36, 3)) and expects pixels normalised as
(x / 255 - 0.5) / 0.5, in [-1, 1]. Weight 0.125 on the 12 pixels of band k, 0 elsewhere,
and bias 1.5 make its logits those of the hand-set DJL model of the tests (weight 0.25,
no bias, pixels in [0, 1]): a full-bright band gives logit 3, a black one 0. So the two
models predict alike, to the last probability, only when the pixel scaling is right.

bands_view.pt computes the same logits the way the reference tutorial flattens: a 1x1 convolution to two
channels (the image and zeros), then out.view(n, -1), then Linear(72, 3). view fails on a tensor that is not
contiguous, so it tells whether the engine fed the module its input in the contiguous layout.

Run with Debian's PyTorch (apt-get install python3-torch), from this folder:

    /usr/bin/python3 make_bands.py
"""
import torch
import torch.nn as nn


class BandsView(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 1)
        self.fc = nn.Linear(72, 3)

    def forward(self, x):
        out = self.conv(x)
        return self.fc(out.view(out.size(0), -1))


def bands_view(weight):
    model = BandsView()
    with torch.no_grad():
        model.conv.weight.copy_(torch.tensor([1.0, 0.0]).reshape(2, 1, 1, 1))
        model.conv.bias.zero_()
        model.fc.weight.zero_()
        model.fc.weight[:, :36].copy_(weight.reshape(3, 36))
        model.fc.bias.fill_(1.5)
    model.eval()
    return torch.jit.script(model)


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
    viewing = bands_view(weight)
    torch.jit.save(viewing, "bands_view.pt")
    print("bands_view.pt, the same:", viewing((bright_left - 0.5) / 0.5).tolist())


if __name__ == "__main__":
    main()
