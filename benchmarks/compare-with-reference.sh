#!/usr/bin/env bash
# Trains the sample's MNIST network with the reference PyTorch script and with cnn:train, one after the other on
# the same machine and data, and prints seconds per epoch, images per second and test accuracy of both, with ratios.
#
# Usage: benchmarks/compare-with-reference.sh [EPOCHS] [THREADS]     (defaults: 10 epochs, 2 threads)
# Needs: /usr/bin/python3 with torch (apt-get install python3-torch python3-torchvision libopenblas0), and the
# plugin installed (mvn -B install -DskipTests -Dinvoker.skip).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-10}
threads=${2:-2}
reference=${REFERENCE:-../shared/reference/seed_cnn.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== reference: $reference, $epochs epochs, $threads threads"
/usr/bin/python3 "$reference" --data sample-project/data/mnist "$epochs" --threads "$threads" | tee "$work/reference.log"

echo "== cnn:train: sample-project/src/main/cnn/mnist-cnn.yaml, $epochs epochs, $threads threads"
sed "s/^  epochs: .*/  epochs: $epochs/" sample-project/src/main/cnn/mnist-cnn.yaml > sample-project/target-bench.yaml
trap 'rm -rf "$work" sample-project/target-bench.yaml' EXIT
sed -i "s#\.\./\.\./\.\./data/mnist#data/mnist#g" sample-project/target-bench.yaml
start=$(date +%s%N)
mvn -B -ntp -f sample-project/pom.xml cnn:train -Dcnn.models="$PWD/sample-project/target-bench.yaml" -Dcnn.threads="$threads" \
    -Dcnn.outputDirectory="$work/cnn" | grep -E "mnist-cnn|epoch|BUILD|ERROR" | tee "$work/cnn.log"
wall=$(( ($(date +%s%N) - start) / 1000000 ))

python3 - "$work/reference.log" "$work/cnn.log" "$epochs" "$wall" <<'PY'
import re, sys
ref_log, cnn_log, epochs, wall = open(sys.argv[1]).read(), open(sys.argv[2]).read(), int(sys.argv[3]), float(sys.argv[4]) / 1000
r = dict(kv.split("=") for kv in re.search(r"^RESULT (.*)$", ref_log, re.M).group(1).split())
ref_epoch_s = float(r["train_s"]) / epochs
ref_ips = float(r["images_per_s"])
ref_acc = float(r["test_accuracy"])
ours = [(float(s), float(i.replace(",", ""))) for s, i in re.findall(r"epoch \d+ done in ([\d.]+) s \(([\d,]+) images/s\)", cnn_log)]
acc = float(re.search(r"test accuracy (\d\.\d+) \(", cnn_log).group(1))
our_epoch_s = sum(s for s, _ in ours) / len(ours)
our_ips = sum(s * i for s, i in ours) / sum(s for s, _ in ours)
print()
print(f"{'':28}{'reference':>12}{'cnn:train':>12}{'ratio':>10}")
print(f"{'seconds per epoch':28}{ref_epoch_s:12.1f}{our_epoch_s:12.1f}{our_epoch_s / ref_epoch_s:10.2f}")
print(f"{'images per second':28}{ref_ips:12.0f}{our_ips:12.0f}{our_ips / ref_ips:10.2f}")
print(f"{'test accuracy':28}{ref_acc:12.4f}{acc:12.4f}{acc - ref_acc:+10.4f}")
print(f"cnn:train wall time, JVM fork and data loading included: {wall:.1f} s")
PY
