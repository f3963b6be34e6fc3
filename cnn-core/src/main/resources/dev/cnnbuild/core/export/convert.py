"""Weights both ways: loads a model directory trained by cnn:train (parameters.params) into model.py's network and
writes it as TorchScript, for TorchServe, Triton or any libtorch program.

    python3 convert.py --model-dir target/cnn/mnist-cnn --torchscript mnist-cnn.pt

The TorchScript module takes the preprocessed N x C x H x W float batch (see data.to_input and the directory's
normalization.json) and returns the logits. Written by cnn:export; do not edit.
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import djl_params  # noqa: E402
import model as network_module  # noqa: E402


def load(model_dir):
    """Returns model.py's network holding the parameters of a cnn-build model directory, in eval mode."""
    path = os.path.join(model_dir, "parameters.params")
    with open(path, "rb") as f:
        data = f.read()
    network = network_module.Network()
    djl_params.decode(data, network, network_module.DJL_BLOCKS, path)
    return network.eval()


def main():
    parser = argparse.ArgumentParser(description="cnn-build model directory to TorchScript")
    parser.add_argument("--model-dir", required=True, help="a model directory written by cnn:train")
    parser.add_argument("--torchscript", required=True, help="the .pt file to write")
    args = parser.parse_args()
    try:
        network = load(args.model_dir)
    except (OSError, djl_params.FormatError) as e:
        raise SystemExit(str(e))
    c, h, w = network_module.INPUT
    torch.jit.save(torch.jit.trace(network, torch.zeros(1, c, h, w)), args.torchscript)
    print("wrote %s" % args.torchscript)


if __name__ == "__main__":
    main()
