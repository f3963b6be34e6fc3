#!/usr/bin/env bash
# Parity of the PyTorch export with the plugin: trains the same model file with `mvn cnn:train` and with the package
# `mvn cnn:export -Dcnn.format=pytorch` writes (train.py as one process, and under torchrun with two processes when
# asked), for the same epochs and seed, and prints a table of test accuracy, wall time and each trainer's accuracy
# difference from cnn:train (issue 24 asks for at most 0.3 points).
#
# Models: mnist-cnn, the sample's network (sample-project/src/main/cnn/mnist-cnn.yaml, 10 epochs), and
# colour-folder (benchmarks/export-parity/colour-folder.yaml, 4 epochs), a folder of 30,000 colourised MNIST digit
# PNGs that benchmarks/export-parity/make_colour_folder.py writes deterministically from the sample's MNIST.
#
# Usage: benchmarks/export-parity.sh [--epochs E] [--models "mnist-cnn colour-folder"] [--processes "1 2"]
#            [--work DIR] [-- extra mvn arguments]
#   --epochs E       epochs of every training (default: each model file's own)
#   --models LIST    the models to train (default both)
#   --processes LIST train.py runs: 1 is `train.py --threads 2`, 2 is `torchrun --nproc_per_node=2 ... --threads 1`
#                    (default "1")
#   --work DIR       where the data, packages, model directories and logs go (default a new temporary folder, kept)
#   extra mvn arguments go to every mvn command, e.g. -Dmaven.repo.local=...
#
# Measure on a quiet machine: on a busy one cnn:train's adaptive threads drop to 1 thread mid-run, at a moment that
# depends on the load; two such runs of the same colour folder model ended 0.6 points apart after one epoch (pass
# -- -Dcnn.adaptiveThreads=false to keep 2 threads). train.py's runs repeat exactly with the same seed.
#
# Needs: /usr/bin/python3 with torch, numpy and Pillow (apt-get install python3-torch python3-numpy python3-pil),
# and the plugin installed: mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
epochs="" models="mnist-cnn colour-folder" processes="1" work=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --epochs) epochs=$2; shift 2 ;;
        --models) models=$2; shift 2 ;;
        --processes) processes=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
    esac
done
mvn_args=("$@")
/usr/bin/python3 -c 'import torch, numpy, PIL' 2>/dev/null ||
    { echo "/usr/bin/python3 lacks torch, numpy or Pillow: apt-get install python3-torch python3-numpy python3-pil" >&2; exit 2; }
work=${work:-$(mktemp -d /tmp/export-parity.XXXXXX)}
mkdir -p "$work"
results=$work/results.tsv
: > "$results"

# model_file NAME: writes $work/NAME/NAME.yaml, with absolute data paths and the epochs asked for
model_file() {
    local name=$1 dir=$work/$1
    mkdir -p "$dir"
    case $name in
        mnist-cnn)
            sed -e "s#\.\./\.\./\.\./data/mnist#$root/sample-project/data/mnist#g" \
                sample-project/src/main/cnn/mnist-cnn.yaml > "$dir/$name.yaml" ;;
        colour-folder)
            if [[ ! -d $dir/colour-folder ]]; then
                /usr/bin/python3 benchmarks/export-parity/make_colour_folder.py --out "$dir/colour-folder.partial" >&2
                mv "$dir/colour-folder.partial" "$dir/colour-folder"
            fi
            cp benchmarks/export-parity/colour-folder.yaml "$dir/$name.yaml" ;;
        *) echo "unknown model $name: mnist-cnn or colour-folder" >&2; exit 2 ;;
    esac
    if [[ -n $epochs ]]; then
        sed -i "s/^  epochs: .*/  epochs: $epochs/" "$dir/$name.yaml"
    fi
    grep -q "^  epochs: " "$dir/$name.yaml" || { echo "$dir/$name.yaml has no training.epochs" >&2; exit 2; }
}

# timed NAME TRAINER LOG OUTPUT COMMAND...: runs one training, then records its accuracy and wall time
timed() {
    local name=$1 trainer=$2 log=$3 output=$4
    shift 4
    echo "== $name, $trainer, $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    local start end
    start=$(date +%s.%N)
    "$@" > "$log" 2>&1 || { tail -30 "$log" >&2; echo "$name, $trainer failed; its log: $log" >&2; exit 1; }
    end=$(date +%s.%N)
    local accuracy
    accuracy=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["test"]["accuracy"])' \
        "$output/$name/metrics.json")
    local run_epochs
    run_epochs=$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["history"]))' \
        "$output/$name/metrics.json")
    printf '%s\t%s\t%s\t%s\t%.1f\n' "$name" "$trainer" "$run_epochs" "$accuracy" "$(echo "$end - $start" | bc)" \
        >> "$results"
    echo "   test accuracy $accuracy" >&2
}

echo "# $(date -u '+%F %T') UTC, $(nproc) cores, models: $models, epochs: ${epochs:-as each model file says}," \
    "train.py processes: $processes; work folder $work" >&2
echo "# load before: $(cat /proc/loadavg)" >&2
for name in $models; do
    model_file "$name"
    model=$work/$name/$name.yaml
    mvn -B -q -o -f sample-project/pom.xml cnn:export -Dcnn.format=pytorch -Dcnn.models="$model" \
        -Dcnn.exportDirectory="$work/$name/export" "${mvn_args[@]}" > "$work/$name/export.log" 2>&1 ||
        { cat "$work/$name/export.log" >&2; exit 1; }
    package=$work/$name/export/$name/pytorch
    run_epochs=$(sed -n 's/^  epochs: *//p' "$model")
    timed "$name" "cnn:train" "$work/$name/cnn-train.log" "$work/$name/cnn" \
        mvn -B -o -f sample-project/pom.xml cnn:train -Dcnn.force=true -Dcnn.threads=2 -Dcnn.models="$model" \
        -Dcnn.outputDirectory="$work/$name/cnn" "${mvn_args[@]}"
    for n in $processes; do
        if [[ $n == 1 ]]; then
            timed "$name" "train.py, 1 process" "$work/$name/torch-1.log" "$work/$name/torch-1" \
                bash -c 'cd "$1" && exec /usr/bin/python3 train.py --epochs "$2" --output "$3" --threads 2 --fresh' \
                _ "$package" "$run_epochs" "$work/$name/torch-1"
        else
            timed "$name" "train.py, torchrun $n processes" "$work/$name/torch-$n.log" "$work/$name/torch-$n" \
                bash -c 'cd "$1" && exec /usr/bin/python3 -m torch.distributed.run --standalone --nproc_per_node="$4" \
                    --redirects=1 --tee=1 train.py --epochs "$2" --output "$3" --threads 1 --fresh' \
                _ "$package" "$run_epochs" "$work/$name/torch-$n" "$n"
        fi
    done
done
echo "# load after: $(cat /proc/loadavg)" >&2

/usr/bin/python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
plugin = {r[0]: float(r[3]) for r in rows if r[1] == "cnn:train"}
print("| model | trainer | epochs | test accuracy | wall time (s) | difference from cnn:train (points) |")
print("|---|---|---|---|---|---|")
for name, trainer, epochs, accuracy, wall in rows:
    difference = (float(accuracy) - plugin[name]) * 100
    verdict = "" if trainer == "cnn:train" else (" (within 0.3)" if abs(difference) <= 0.3 else " (over 0.3)")
    print("| %s | %s | %s | %.4f | %s | %+.2f%s |" % (name, trainer, epochs, float(accuracy), wall, difference,
                                                     verdict))
PY
