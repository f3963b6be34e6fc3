"""The reference for the data pipeline benchmark (docs/benchmarks.md): torchvision's ImageFolder with a DataLoader
of 2 workers, decoding, flipping at random and converting each batch to float tensors, no network; prints images/s.

    /usr/bin/python3 benchmarks/data-pipeline/torchvision_loader.py /tmp/pipeline/images --workers 2 --batch 64
"""
import argparse
import time

import torch
import torchvision
from torchvision import transforms


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="stop after this many images (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(7)
    data = torchvision.datasets.ImageFolder(
        args.folder,
        transforms.Compose([transforms.Resize((224, 224)), transforms.RandomHorizontalFlip(), transforms.ToTensor()]),
    )
    loader = torch.utils.data.DataLoader(
        data, batch_size=args.batch, shuffle=True, num_workers=args.workers, drop_last=True
    )
    start = time.perf_counter()
    images = 0
    for x, _ in loader:
        images += x.shape[0]
        if args.limit and images >= args.limit:
            break
    seconds = time.perf_counter() - start
    print("torchvision ImageFolder + DataLoader(num_workers=%d): %d images in %.1f s, %.0f images/s"
          % (args.workers, images, seconds, images / seconds))


if __name__ == "__main__":
    main()
