#!/usr/bin/python3
"""Writes the TorchScript test modules of cnn-core's torchscript layer, with seeded weights.

backbone8.pt: a feature extractor for 1x8x8 grey images: Conv2d(1, 4, 3) -> BatchNorm2d(4) -> ReLU ->
AdaptiveAvgPool2d(2) -> Flatten, output 16 values per image. Its convolution's weights are positive, so its features tell where an image is bright,
which is what the tests' tiny data (bright on the left or on the right) need. Its batch norm has running statistics, so a frozen
backbone that ran in training mode would change them: the tests see that as changed parameters.
backbone8-retrained.pt: the same network with other weights (seed 4), as a backbone retrained elsewhere.
not-torchscript.pt: backbone8's state_dict saved with torch.save, a pickle that is not TorchScript.

Run with Debian's PyTorch (apt-get install python3-torch), from this folder:

    /usr/bin/python3 make_backbones.py
"""
import torch
import torch.nn as nn


def backbone(seed):
    torch.manual_seed(seed)
    module = nn.Sequential(
        nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten())
    with torch.no_grad():
        module[0].weight.uniform_(0.0, 0.3)  # brightness detectors, so that a head on them learns the tiny data
        module[0].bias.zero_()
        module[1].running_mean.uniform_(-0.1, 0.1)
        module[1].running_var.uniform_(0.5, 1.5)
    module.eval()
    return module


def main():
    torch.set_num_threads(2)
    module = backbone(3)
    scripted = torch.jit.script(module)
    torch.jit.save(scripted, "backbone8.pt")
    torch.jit.save(torch.jit.script(backbone(4)), "backbone8-retrained.pt")
    torch.save(module.state_dict(), "not-torchscript.pt")
    print("torch", torch.__version__, "output of one 1x8x8 image:", tuple(scripted(torch.zeros(1, 1, 8, 8)).shape))


if __name__ == "__main__":
    main()
