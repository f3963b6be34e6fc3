"""Writes a model directory in cnn-build's own format, so that cnn:check, cnn:bless, the report, the test API and
cnn-runtime take it as one trained by cnn:train: parameters.params (DJL's format), model.yaml, metrics.json,
fingerprint.txt, normalization.json and test-split.txt when the data need them, model.pt (the network as
TorchScript, for serving; not read by cnn-build, but listed in the manifest so that sha256sum -c checks it) and
manifest.sha256, written last. The directory is staged beside
its place and renamed into it, so it appears whole or not at all. Written by cnn:export; do not edit.
"""
import hashlib
import json
import os
import shutil

import torch

import djl_params
from data import HELD_OUT_FILE, HELD_OUT_HEADER

COVERED = ["parameters.params", "model.yaml", "metrics.json", "fingerprint.txt"]
OPTIONAL = [HELD_OUT_FILE, "normalization.json"]


def _sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fingerprint(config, yaml_bytes, data, device_type):
    lines = [("yaml", hashlib.sha256(yaml_bytes).hexdigest())]
    lines += sorted(data.file_hashes.items())
    lines += [("seed", str(config["training"]["seed"])), ("cnnbuild", config["cnnbuild"]), ("djl", "none"),
              ("pytorch", torch.__version__), ("device", device_type)]
    text = "".join("%s=%s\n" % pair for pair in lines)
    return text + "fingerprint=%s\n" % hashlib.sha256(text.encode("utf-8")).hexdigest()


def write(output, config, network, blocks, metrics, data, yaml_bytes, device_type):
    """Writes <output>/<name>/ atomically; returns its path."""
    name = config["name"]
    os.makedirs(output, exist_ok=True)
    final = os.path.join(output, name)
    staging = os.path.join(output, "." + name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    network = network.to("cpu").eval()
    with open(os.path.join(staging, "parameters.params"), "wb") as f:
        f.write(djl_params.encode(network, blocks, config["training"]["batchSize"]))
    with open(os.path.join(staging, "model.yaml"), "wb") as f:
        f.write(yaml_bytes)
    with open(os.path.join(staging, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
    with open(os.path.join(staging, "fingerprint.txt"), "w", encoding="utf-8") as f:
        f.write(fingerprint(config, yaml_bytes, data, device_type))
    if data.normalization is not None:
        with open(os.path.join(staging, "normalization.json"), "w", encoding="utf-8") as f:
            json.dump(data.normalization, f, indent=2)
    if data.held_out is not None:
        with open(os.path.join(staging, HELD_OUT_FILE), "w", encoding="utf-8") as f:
            f.write(HELD_OUT_HEADER + "\n" + "".join(key + "\n" for key in data.held_out))
    modules = ["torchscript-layer%d.pt" % (entry[2] + 1) for entry in blocks if entry[0] == "torchscript"]
    for module in modules:
        shutil.copyfile(os.path.join(os.path.dirname(os.path.abspath(__file__)), module), os.path.join(staging, module))
    c, h, w = config["input"]
    torch.jit.save(torch.jit.trace(network, torch.zeros(1, c, h, w)), os.path.join(staging, "model.pt"))
    names = COVERED + modules + [n for n in OPTIONAL if os.path.isfile(os.path.join(staging, n))] + ["model.pt"]
    manifest = "".join("%s  %s\n" % (_sha256(os.path.join(staging, n)), n) for n in names)
    with open(os.path.join(staging, "manifest.sha256.tmp"), "w", encoding="utf-8") as f:
        f.write(manifest)
    os.replace(os.path.join(staging, "manifest.sha256.tmp"), os.path.join(staging, "manifest.sha256"))
    if os.path.exists(final):
        old = os.path.join(output, "." + name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
        os.replace(staging, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, final)
    return final
