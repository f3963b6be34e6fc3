#!/usr/bin/env bash
# Measures what a user waits for: the whole `mvn cnn:train` process of one of the sample's models against the whole
# reference PyTorch script of the same network and recipe, run alternately (pair i runs the reference first when i
# is odd, cnn:train first when i is even), each under /usr/bin/time -v. Prints the median, minimum and maximum of wall, CPU and system time, peak resident
# memory, the seconds outside the epochs' training and the training throughput of both, and the ratios.
#
# Usage: benchmarks/compare-with-reference.sh [--model NAME] [--pairs N] [--epochs E] [--threads T] [--contention]
#            [--only cnn|reference] [-- extra mvn arguments]
#   --model NAME    mnist-cnn (default), against ../shared/reference/seed_cnn.py (the PyTorch tutorial), or
#                   mnist-resnet, against benchmarks/resnet-mnist/resnet_mnist.py
#   --pairs N       pairs to run (default 3)
#   --epochs E      epochs of each training (default 2); the sample's model file is copied with this epoch count
#   --threads T     threads of both trainers (default 2)
#   --contention    run a CPU-bound neighbour (one busy process) beside every run
#   --only WHICH    run one side only (no ratios): to compare two builds of the plugin, e.g. other natives
#   extra mvn arguments go to every `mvn cnn:train`, e.g. -Dmaven.repo.local=... or -Dcnn.tuning=false
#
# Needs: /usr/bin/python3 with torch (apt-get install python3-torch python3-torchvision libopenblas0), GNU time
# (/usr/bin/time), and the plugin installed: mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pairs=3 epochs=2 threads=2 contention=false only="" model_name=mnist-cnn
while [[ $# -gt 0 ]]; do
    case $1 in
        --model) model_name=$2; shift 2 ;;
        --pairs) pairs=$2; shift 2 ;;
        --epochs) epochs=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --contention) contention=true; shift ;;
        --only) only=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
    esac
done
mvn_args=("$@")
case $model_name in
    mnist-cnn) reference=${REFERENCE:-$root/../shared/reference/seed_cnn.py} ;;
    mnist-resnet) reference=${REFERENCE:-$root/benchmarks/resnet-mnist/resnet_mnist.py} ;;
    *) echo "unknown model $model_name: mnist-cnn or mnist-resnet" >&2; exit 2 ;;
esac
[[ -f $reference ]] || { echo "reference script $reference not found; set REFERENCE=" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
neighbour=""
cleanup() {
    [[ -n $neighbour ]] && kill "$neighbour" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
model=$work/$model_name.yaml
sed -e "s#\.\./\.\./\.\./data/mnist#$root/sample-project/data/mnist#g" -e "s/^  epochs: .*/  epochs: $epochs/" \
    "sample-project/src/main/cnn/$model_name.yaml" > "$model"

start_neighbour() {
    if $contention; then
        ( while :; do :; done ) &
        neighbour=$!
    fi
}
stop_neighbour() {
    if [[ -n $neighbour ]]; then
        kill "$neighbour" 2>/dev/null || true
        wait "$neighbour" 2>/dev/null || true
        neighbour=""
    fi
}

# run NAME I COMMAND...: runs one timed process; its log is $work/NAME-I.log, its figures $work/NAME-I.time
run() {
    local name=$1 i=$2
    shift 2
    echo "== $name, pair $i, $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    start_neighbour
    /usr/bin/time -v -o "$work/$name-$i.time" "$@" > "$work/$name-$i.log" 2>&1 || {
        stop_neighbour
        tail -20 "$work/$name-$i.log" >&2
        exit 1
    }
    stop_neighbour
    grep -E "epoch [0-9]+ done|^epoch [0-9]+:|RESULT|from now on instead of" "$work/$name-$i.log" | sed 's/^/   /' >&2 || true
}
run_reference() {
    if [[ $model_name == mnist-cnn ]]; then
        run reference "$1" /usr/bin/python3 "$reference" --data sample-project/data/mnist "$epochs" --threads "$threads"
    else
        run reference "$1" /usr/bin/python3 "$reference" --data sample-project/data/mnist --epochs "$epochs" \
            --threads "$threads"
    fi
}
run_cnn() {
    run cnn "$1" mvn -B -o -f sample-project/pom.xml cnn:train -Dcnn.force=true -Dcnn.threads="$threads" \
        -Dcnn.models="$model" -Dcnn.outputDirectory="$work/cnn" "${mvn_args[@]}"
}

echo "# $(date -u '+%F %T') UTC, $model_name, $(nproc) cores, $pairs pairs, $epochs epochs, $threads threads, contention $contention" >&2
echo "# load before: $(cat /proc/loadavg); other Maven builds: $(pgrep -fc plexus-classworlds || true)" >&2
for ((i = 1; i <= pairs; i++)); do
    if [[ $only == reference ]]; then run_reference "$i"
    elif [[ $only == cnn ]]; then run_cnn "$i"
    elif ((i % 2 == 1)); then run_reference "$i"; run_cnn "$i"
    else run_cnn "$i"; run_reference "$i"
    fi
done
echo "# load after: $(cat /proc/loadavg); other Maven builds: $(pgrep -fc plexus-classworlds || true)" >&2

python3 - "$work" "$pairs" "$epochs" <<'PY'
import glob, os, re, statistics, sys
work, pairs, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def seconds(text):
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60 ** (len(parts) - 1 - k) for k, p in enumerate(parts))

def figures(name, i):
    timing = open(f"{work}/{name}-{i}.time").read()
    log = open(f"{work}/{name}-{i}.log").read()
    get = lambda label: re.search(re.escape(label) + r": (.*)", timing).group(1).strip()
    wall = seconds(get("Elapsed (wall clock) time (h:mm:ss or m:ss)"))
    user, system = float(get("User time (seconds)")), float(get("System time (seconds)"))
    if name == "reference":
        result = dict(kv.split("=") for kv in re.search(r"^RESULT (.*)$", log, re.M).group(1).split())
        train = float(result["train_s"])
        throughput = float(result["images_per_s"])
        accuracy = float(result["test_accuracy"])
    else:
        done = [(float(s), float(r.replace(",", ""))) for s, r in
                re.findall(r"epoch \d+ done in ([\d.]+) s \(([\d,]+) images/s\)", log)]
        train = sum(s for s, _ in done)
        throughput = sum(s * r for s, r in done) / train
        accuracy = float(re.search(r"test accuracy (\d\.\d+) \(", log).group(1))
    return {"wall": wall, "cpu": user + system, "system": system, "rss": int(get("Maximum resident set size (kbytes)")) / 1024,
            "outside": wall - train, "throughput": throughput, "accuracy": accuracy}

names = [n for n in ("reference", "cnn") if os.path.exists(f"{work}/{n}-1.time")]
runs = {n: [figures(n, i) for i in range(1, pairs + 1)] for n in names}
rows = [("wall time (s)", "wall", "{:.1f}"), ("CPU time, user + system (s)", "cpu", "{:.1f}"),
        ("system time (s)", "system", "{:.1f}"), ("peak resident memory (MB)", "rss", "{:.0f}"),
        ("outside the epochs' training (s)", "outside", "{:.1f}"),
        ("training throughput (images/s)", "throughput", "{:,.0f}"), ("test accuracy", "accuracy", "{:.4f}")]
label = {"reference": "reference script", "cnn": "`mvn cnn:train`"}
header = "| median (min to max) | " + " | ".join(label[n] for n in names) + (" | ratio of medians | ratios of pairs |" if len(names) == 2 else " |")
print(header)
print("|---" * (header.count("|") - 1) + "|")
for title, key, fmt in rows:
    cells = []
    for n in names:
        values = [r[key] for r in runs[n]]
        cells.append(f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))} to {fmt.format(max(values))})")
    if len(names) == 2 and key != "accuracy":
        ref = [r[key] for r in runs["reference"]]
        ours = [r[key] for r in runs["cnn"]]
        ratios = sorted(o / r for o, r in zip(ours, ref) if r)
        cells.append(f"{statistics.median(ours) / statistics.median(ref):.2f}")
        cells.append(", ".join(f"{x:.2f}" for x in ratios))
    elif len(names) == 2:
        cells += ["", ""]
    print(f"| {title} | " + " | ".join(cells) + " |")
PY
