#!/usr/bin/env bash
# Makes docs/images/report-example.png, the picture of a report in docs/report.md: a screenshot of a trained model's
# report.html in headless Chromium, 1280 pixels wide, as ReportInBrowserTest renders reports. The picture in the docs
# is the sample's residual network after `mvn verify` (its report then holds the quality gate's outcomes, and its
# learning-rate curve shows the warm-up and the cosine):
#
#   mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true
#   mvn -B -f sample-project/pom.xml verify
#   scripts/report-screenshot.sh sample-project/target/cnn/mnist-resnet/report.html docs/images/report-example.png 2600
#
# Usage: scripts/report-screenshot.sh REPORT [OUTPUT] [HEIGHT]
#   REPORT   a report.html
#   OUTPUT   the picture to write (default docs/images/report-example.png)
#   HEIGHT   the window's height in pixels, which is how much of the report the picture shows (default 2400; 2600
#            shows the residual network's report down to its first row of misclassified images)
#
# Needs: chromium (apt-get install -y --no-install-recommends chromium fonts-dejavu-core); CHROMIUM= names another.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:?usage: scripts/report-screenshot.sh REPORT [OUTPUT] [HEIGHT]}
output=${2:-docs/images/report-example.png}
height=${3:-2400}
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -f $report ]] || { echo "$report does not exist; train the model first (see the top of $0)" >&2; exit 2; }
[[ -x $chromium ]] || {
    echo "$chromium not found: apt-get install -y --no-install-recommends chromium fonts-dejavu-core, or set CHROMIUM=" >&2
    exit 2
}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1280,"$height" --screenshot="$(realpath -m "$output")" "file://$(realpath "$report")" > "$profile/chromium.log" 2>&1 || {
    cat "$profile/chromium.log" >&2
    exit 1
}
echo "wrote $output from $report"
