#!/usr/bin/env bash
# Trains the exported package twice with the same seed: two processes under torchrun (gloo, CPU), then one process.
set -euo pipefail
cd "$(dirname "$0")/target/cnn-export/mnist-2/pytorch"
/usr/bin/python3 -m torch.distributed.run --standalone --nproc_per_node=2 --redirects=1 --tee=1 train.py --epochs 2 --output ../../../torchrun-2 --threads 1
/usr/bin/python3 train.py --epochs 2 --output ../../../torchrun-1 --threads 2
