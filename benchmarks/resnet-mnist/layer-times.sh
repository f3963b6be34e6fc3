#!/usr/bin/env bash
# Where a training step of the residual network goes, layer by layer, in the model file's version and in the PyTorch
# script's: cnn-core's LayerTimesBenchmark (the sample's mnist-resnet.yaml, the fork's environment) and its twin
# layer_times.py run in turns (pair i starts with the script when i is odd), each timing its steps with the clock
# alone. Prints a Markdown table of each row's median milliseconds per step over the pairs, and their ratio.
#
# Usage: benchmarks/resnet-mnist/layer-times.sh [--pairs N] [--steps S]   (defaults: 5 pairs of 150 steps)
# Needs: /usr/bin/python3 with torch (apt-get install python3-torch python3-torchvision libopenblas0) and the project
# built once (mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
pairs=5 steps=150
while [[ $# -gt 0 ]]; do
    case $1 in
        --pairs) pairs=$2; shift 2 ;;
        --steps) steps=$2; shift 2 ;;
        *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl cnn-core test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test >&2

run_cnn() {
    (cd cnn-core && env OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE GOMP_SPINCOUNT=30000 \
        MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=536870912 \
        java -XX:MaxNewSize=64m -XX:GCTimeRatio=4 -Dai.djl.offline=true \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
        -cp "target/test-classes:target/classes:$(cat "$work/classpath")" \
        dev.cnnbuild.core.training.LayerTimesBenchmark "$root/sample-project/src/main/cnn/mnist-resnet.yaml" "$steps") \
        > "$work/cnn-$1.tsv"
}
run_script() {
    (cd benchmarks/resnet-mnist && /usr/bin/python3 layer_times.py --steps "$steps" --threads 2) > "$work/script-$1.tsv"
}

echo "# $(date -u '+%F %T') UTC, $(nproc) cores, $pairs pairs of $steps steps, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= pairs; i++)); do
    if ((i % 2 == 1)); then run_script "$i"; run_cnn "$i"; else run_cnn "$i"; run_script "$i"; fi
    echo "pair $i done, $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

python3 - "$work" "$pairs" <<'PY'
import statistics, sys
work, pairs = sys.argv[1], int(sys.argv[2])

def read(name, i):
    return dict(line.rstrip("\n").split("\t") for line in open(f"{work}/{name}-{i}.tsv") if "\t" in line)

runs = {name: [read(name, i) for i in range(1, pairs + 1)] for name in ("script", "cnn")}
rows = list(runs["cnn"][0]) + [r for r in runs["script"][0] if r not in runs["cnn"][0]]
print("| ms per step, median | PyTorch script | model file | ratio |")
print("|---|---|---|---|")
for row in rows:
    medians = [statistics.median(float(run[row]) for run in runs[name]) if row in runs[name][0] else None
               for name in ("script", "cnn")]
    cells = [f"{m:.2f}" if m is not None else "" for m in medians]
    ratio = f"{medians[1] / medians[0]:.2f}" if None not in medians and medians[0] else ""
    print(f"| {row} | {cells[0]} | {cells[1]} | {ratio} |")
PY
