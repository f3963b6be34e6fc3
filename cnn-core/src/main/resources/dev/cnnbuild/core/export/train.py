"""Trains the exported model file with PyTorch, data-parallel under torchrun, and writes a cnn-build model directory.

    torchrun --standalone --nproc_per_node=2 train.py --epochs 2 --output out
    python3 train.py --output out                    # one process, no torchrun

DistributedDataParallel with a DistributedSampler: training.batchSize is the global batch, split evenly over the
processes (gloo on CPUs, NCCL on GPUs); the model file's optimizer, learning-rate schedule, loss (label smoothing,
class weights), gradient clipping and seed; a checkpoint after every epoch
(--checkpoint-dir), from which a new run resumes. Rank 0 measures the test set and writes <output>/<name>/, which
cnn:check gates as it gates a model cnn:train wrote. Written by cnn:export; do not edit.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data as datasets  # noqa: E402
import model as network_module  # noqa: E402
import model_directory  # noqa: E402


def arguments(config):
    parser = argparse.ArgumentParser(description="Train %s (exported by cnn:export)" % config["name"])
    parser.add_argument("--epochs", type=int, default=config["training"]["epochs"],
                        help="passes over the training set (default: the model file's, %(default)s)")
    parser.add_argument("--output", required=True,
                        help="folder of model directories; the model is written to OUTPUT/%s/" % config["name"])
    parser.add_argument("--data-root", default=config["dataRoot"],
                        help="the folder the model file's data paths are relative to (default: %(default)s)")
    parser.add_argument("--checkpoint-dir", default=None,
                        help="where the checkpoint of each epoch goes (default: OUTPUT/.checkpoints/NAME)")
    parser.add_argument("--test-split", default=None,
                        help="a model directory's test-split.txt, to hold out exactly those images")
    parser.add_argument("--threads", type=int, default=None, help="intra-op threads per process")
    parser.add_argument("--fresh", action="store_true", help="ignore any checkpoint")
    return parser.parse_args()


def optimizer_of(spec, parameters):
    kind = spec["type"]
    if kind == "adam":
        return torch.optim.Adam(parameters, lr=spec["learningRate"], betas=(spec["beta1"], spec["beta2"]),
                                eps=spec["epsilon"], weight_decay=spec["weightDecay"])
    if kind == "adamw":
        return torch.optim.AdamW(parameters, lr=spec["learningRate"], betas=(spec["beta1"], spec["beta2"]),
                                 eps=spec["epsilon"], weight_decay=spec["weightDecay"])
    if kind == "sgd":
        return torch.optim.SGD(parameters, lr=spec["learningRate"], momentum=spec["momentum"],
                               nesterov=spec["nesterov"], weight_decay=spec["weightDecay"])
    raise SystemExit("optimizer %s is not known to this package" % kind)


def rate_of(schedule, lr, epochs, steps_per_epoch):
    """training.schedule as cnn:train computes it: the learning rate of step k, counted from 0 over the training."""
    total = epochs * steps_per_epoch
    if schedule is None:
        return lambda k: lr
    warmup = math.floor(schedule["warmupEpochs"] * steps_per_epoch)
    kind = schedule["type"]

    def anneal(start, end, share):
        return end + (start - end) / 2.0 * (math.cos(math.pi * share) + 1)

    def rate(k):
        if kind == "oneCycle":
            initial = lr / 25
            rise_end = schedule["warmupShare"] * total - 1
            if k <= rise_end:
                return anneal(initial, lr, k / rise_end if rise_end > 0 else 1)
            return anneal(lr, initial / 1e4, (k - rise_end) / (total - 1 - rise_end))
        if k < warmup:
            return lr * k / warmup
        epoch = k // steps_per_epoch
        if kind == "cosine":
            low = schedule["minLearningRate"]
            return low + (lr - low) * (1 + math.cos(math.pi * (k - warmup) / (total - warmup))) / 2
        if kind == "step":
            return lr * schedule["factor"] ** (epoch // schedule["every"])
        return lr * schedule["factor"] ** sum(1 for m in schedule["milestones"] if m <= epoch)

    return rate


def momentum_of(schedule, epochs, steps_per_epoch):
    """The momentum of step k where training.schedule cycles it (oneCycle's cycleMomentum), as OneCycleLR's
    cycle_momentum: from maxMomentum down to baseMomentum while the rate rises, back up while it falls; None where
    the optimizer keeps its own."""
    if schedule is None or schedule["type"] != "oneCycle" or not schedule["cycleMomentum"]:
        return None
    total = epochs * steps_per_epoch
    low, high = schedule["baseMomentum"], schedule["maxMomentum"]
    rise_end = schedule["warmupShare"] * total - 1

    def anneal(start, end, share):
        return end + (start - end) / 2.0 * (math.cos(math.pi * share) + 1)

    def momentum(k):
        if k <= rise_end:
            return anneal(high, low, k / rise_end if rise_end > 0 else 1)
        return anneal(low, high, (k - rise_end) / (total - 1 - rise_end))

    return momentum


def set_momentum(optimizer, momentum):
    """Sets SGD's momentum, or Adam's and AdamW's beta1, of every parameter group, as OneCycleLR does."""
    for group in optimizer.param_groups:
        if "betas" in group:
            group["betas"] = (momentum, group["betas"][1])
        else:
            group["momentum"] = momentum


def class_weights(spec, labels, class_names):
    """training.classWeights: balanced (n / (K * count[c])) or named weights, the others 1; None without."""
    if spec is None:
        return None
    classes = len(class_names)
    if spec["balanced"]:
        counts = torch.bincount(labels, minlength=classes).to(torch.float64)
        if bool((counts == 0).any()):
            raise SystemExit("classWeights: balanced needs training images of every class")
        return (len(labels) / (classes * counts)).to(torch.float32)
    weights = torch.ones(classes, dtype=torch.float32)
    for name, weight in spec["weights"].items():
        if name not in class_names:
            raise SystemExit("classWeights names class '%s', which the data do not have" % name)
        weights[class_names.index(name)] = weight
    return weights


def evaluate(network, images, labels, normalization, device, classes):
    network.eval()
    confusion = torch.zeros(classes, classes, dtype=torch.int64)
    loss_sum = 0.0
    with torch.no_grad():
        for start in range(0, len(images), 1000):
            x = datasets.to_input(images[start:start + 1000], normalization, device)
            y = labels[start:start + 1000].to(device)
            logits = network(x)
            loss_sum += float(F.cross_entropy(logits, y, reduction="sum"))
            predicted = logits.argmax(dim=1).cpu()
            confusion += torch.bincount(y.cpu() * classes + predicted, minlength=classes * classes).view(classes,
                                                                                                       classes)
    network.train()
    total = int(confusion.sum())
    correct = int(confusion.diag().sum())
    per_class = []
    for label in range(classes):
        support = int(confusion[label].sum())
        predicted = int(confusion[:, label].sum())
        hit = int(confusion[label, label])
        precision = hit / predicted if predicted else 0.0
        recall = hit / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append({"label": label, "support": support, "precision": precision, "recall": recall, "f1": f1})
    return {"accuracy": correct / total, "loss": loss_sum / total, "correct": correct, "count": total,
            "macroPrecision": sum(c["precision"] for c in per_class) / classes,
            "macroRecall": sum(c["recall"] for c in per_class) / classes,
            "macroF1": sum(c["f1"] for c in per_class) / classes,
            "perClass": per_class, "confusionMatrix": confusion.tolist()}


def main():
    started = time.time()
    with open(os.path.join(HERE, "export.json"), encoding="utf-8") as f:
        config = json.load(f)
    args = arguments(config)
    training = config["training"]
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if args.threads:
        torch.set_num_threads(args.threads)
    if torch.cuda.is_available():
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
        backend = "nccl"
    else:
        device = torch.device("cpu")
        backend = "gloo"
    distributed = world > 1
    if distributed:
        dist.init_process_group(backend=backend)
    if training["batchSize"] % world:
        raise SystemExit("training.batchSize %d cannot be split evenly over %d processes; run a number of"
                         " processes that divides it" % (training["batchSize"], world))
    per_process = training["batchSize"] // world
    try:
        data = datasets.load(config, args.data_root, args.test_split)
    except datasets.DataError as e:
        raise SystemExit("%s: %s" % (config["name"], e))
    torch.manual_seed(training["seed"])
    net = network_module.Network().to(device)
    optimizer = optimizer_of(training["optimizer"], net.parameters())
    steps = len(data.train_y) // training["batchSize"]
    lr = training["optimizer"]["learningRate"]
    rate = rate_of(training["schedule"], lr, args.epochs, steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda k: rate(k) / lr)
    momentum = momentum_of(training["schedule"], args.epochs, steps)
    weights = class_weights(training["classWeights"], data.train_y, data.class_names)
    if weights is not None:
        weights = weights.to(device)
    checkpoint_dir = args.checkpoint_dir or os.path.join(args.output, ".checkpoints", config["name"])
    checkpoint_file = os.path.join(checkpoint_dir, "checkpoint.pt")
    history, first_epoch, resumed = [], 1, None
    if os.path.isfile(checkpoint_file) and not args.fresh:
        saved = torch.load(checkpoint_file, map_location="cpu")
        if saved["world"] == world and saved["epoch"] <= args.epochs:
            net.load_state_dict(saved["network"])
            optimizer.load_state_dict(saved["optimizer"])
            scheduler.load_state_dict(saved["scheduler"])
            history, first_epoch, resumed = saved["history"], saved["epoch"] + 1, saved["epoch"]
            if rank == 0:
                print("%s: resuming after epoch %d from %s" % (config["name"], saved["epoch"], checkpoint_file),
                      flush=True)
    model = DistributedDataParallel(net) if distributed else net
    sampler = DistributedSampler(range(len(data.train_y)), num_replicas=world, rank=rank, shuffle=True,
                                 seed=training["seed"], drop_last=True)
    augment = config["data"]["augment"]
    train_seconds = sum(e["trainSeconds"] for e in history)
    for epoch in range(first_epoch, args.epochs + 1):
        sampler.set_epoch(epoch)
        indices = torch.tensor(list(sampler))
        generator = torch.Generator().manual_seed(training["seed"] * 1000003 + epoch * 1009 + rank)
        epoch_start = time.time()
        totals = torch.zeros(3, dtype=torch.float64, device=device)
        frozen_changed = [m.start_epoch(epoch) for m in net.modules() if isinstance(m, network_module.TorchScript)]
        if distributed and any(frozen_changed):
            # DDP reduces the gradients of the parameters that required one when it was built
            model = DistributedDataParallel(net)
        model.train()
        for step in range(steps):
            chosen = indices[step * per_process:(step + 1) * per_process]
            images = datasets.augment(data.train_x[chosen], augment, generator)
            x = datasets.to_input(images, data.normalization, device)
            y = data.train_y[chosen].to(device)
            optimizer.zero_grad()
            logits = model(x)
            if weights is not None and distributed:
                # the whole batch's weighted mean, as on one process: each process's weighted sum over the
                # batch's total label weight, times the process count that DDP's gradient average divides by
                total_weight = weights[y].sum()
                dist.all_reduce(total_weight)
                loss = F.cross_entropy(logits, y, weight=weights, label_smoothing=training["labelSmoothing"],
                                       reduction="sum") * world / total_weight
            else:
                loss = F.cross_entropy(logits, y, weight=weights, label_smoothing=training["labelSmoothing"])
            loss.backward()
            if training["gradientClipping"] is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=training["gradientClipping"])
            learning_rate = optimizer.param_groups[0]["lr"]
            if momentum is not None:
                set_momentum(optimizer, momentum(scheduler.last_epoch))
            optimizer.step()
            scheduler.step()
            totals += torch.tensor([float(loss), float((logits.argmax(1) == y).sum()), len(y)],
                                   dtype=torch.float64, device=device)
        if distributed:
            dist.all_reduce(totals)
        seconds = time.time() - epoch_start
        train_seconds += seconds
        entry = {"epoch": epoch, "trainLoss": float(totals[0]) / (steps * world),
                 "trainAccuracy": float(totals[1]) / float(totals[2]), "trainSeconds": seconds,
                 "imagesPerSecond": float(totals[2]) / seconds, "learningRate": learning_rate}
        if training["testPass"] == "everyEpoch" or epoch == args.epochs:
            result = evaluate(net, data.test_x, data.test_y, data.normalization, device, config["classes"])
            entry["testLoss"], entry["testAccuracy"] = result["loss"], result["accuracy"]
        history.append(entry)
        if rank == 0:
            print("%s: epoch %d/%d: loss %.4f, train accuracy %.4f%s, %.1f s, %s" % (
                config["name"], epoch, args.epochs, entry["trainLoss"], entry["trainAccuracy"],
                ", test accuracy %.4f" % entry["testAccuracy"] if "testAccuracy" in entry else "", seconds,
                datasets.counted(world, "process", "processes")), flush=True)
            os.makedirs(checkpoint_dir, exist_ok=True)
            torch.save({"epoch": epoch, "world": world, "network": net.state_dict(),
                        "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                        "history": history}, checkpoint_file + ".tmp")
            os.replace(checkpoint_file + ".tmp", checkpoint_file)
        if distributed:
            dist.barrier()
    if rank == 0:
        test = evaluate(net, data.test_x, data.test_y, data.normalization, device, config["classes"])
        with open(os.path.join(HERE, "model.yaml"), "rb") as f:
            yaml_bytes = f.read()
        device_name = "gpu(%d)" % local_rank if device.type == "cuda" else "cpu()"
        metrics = {"name": config["name"], "source": config["source"], "seed": training["seed"],
                   "device": device_name,
                   "versions": {"cnnbuild": config["cnnbuild"], "djl": "none", "pytorch": torch.__version__},
                   "parameterCount": sum(p.numel() for p in net.parameters()),
                   "history": history, "test": test, "trainSeconds": train_seconds,
                   "totalSeconds": time.time() - started, "classNames": data.class_names}
        if resumed is not None:
            metrics["resumedAfterEpoch"] = resumed
        if config["augmentText"]:
            metrics["augmentation"] = config["augmentText"]
        written = model_directory.write(args.output, config, net, network_module.DJL_BLOCKS, metrics, data,
                                        yaml_bytes, "gpu" if device.type == "cuda" else "cpu")
        print("%s: test accuracy %.4f (%d of %d); wrote %s" % (config["name"], test["accuracy"], test["correct"],
                                                              test["count"], written), flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
