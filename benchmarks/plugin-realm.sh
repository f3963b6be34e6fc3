#!/usr/bin/env bash
# Measures what Maven spends on the plugin before any of its code runs: `mvn cnn:train -Dcnn.skip=true` (Maven
# resolves the plugin's dependencies, reading their POMs, builds its class realm, discovers its components and
# configures the mojo, which then stops) against `mvn validate` (Maven's start, no plugin realm), in an empty
# pom-packaging project, alternated for N rounds. Prints per round the load average and, for each run, wall and CPU
# (user + system) seconds and, for the plugin's runs, the seconds from Maven's plugin line
# (`--- cnn-maven-plugin:...:train`) to the mojo's skip line: the realm. Then the medians.
#
# Usage: benchmarks/plugin-realm.sh [--rounds N] [--versions "V1 V2 ..."] [-- extra mvn arguments]
#   --rounds N        rounds to run (default 7)
#   --versions LIST   plugin versions to alternate (default: the project's version); to compare two builds,
#                     install one of them under another version first
#   extra mvn arguments go to every mvn run, e.g. -Dmaven.repo.local=...
#
# Needs GNU time (/usr/bin/time) and the plugin installed: mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=7
versions=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) rounds=$2; shift 2 ;;
        --versions) versions=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
    esac
done
mvn_args=("$@")
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.cnnbuild.bench</groupId>
  <artifactId>plugin-realm</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
</project>
POM
stamps=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
seconds() { awk -F'[ :]' '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 }' <<< "$1"; }

# run NAME mvn-arguments...: appends "wall cpu realm" of one run to $work/NAME
run() {
    local name=$1; shift
    (cd "$work" && /usr/bin/time -o "$work/time" -f '%e %U %S' mvn -B -o "$@" "${mvn_args[@]}" "${stamps[@]}" \
        > "$work/log" 2>&1) || { cat "$work/log" >&2; exit 1; }
    local wall user sys from to realm=-
    read -r wall user sys < "$work/time"
    from=$(grep -m1 -- '--- cnn-maven-plugin' "$work/log" | cut -c1-12 || true)
    to=$(grep -m1 'Skipping cnn execution' "$work/log" | cut -c1-12 || true)
    [[ -n $from && -n $to ]] && realm=$(awk "BEGIN { printf \"%.3f\", $(seconds "$to") - $(seconds "$from") }")
    local cpu
    cpu=$(awk "BEGIN { printf \"%.2f\", $user + $sys }")
    echo "$wall $cpu $realm" >> "$work/$name"
    printf ' | %s wall %s cpu %s realm %s' "$name" "$wall" "$cpu" "$realm"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

for round in $(seq "$rounds"); do
    printf 'round %s load %s' "$round" "$(cut -d' ' -f1 /proc/loadavg)"
    run validate validate
    for version in $versions; do
        run "$version" "dev.cnnbuild:cnn-maven-plugin:$version:train" -Dcnn.skip=true
    done
    echo
done
echo "medians of $rounds rounds:"
for name in validate $versions; do
    printf '  %-20s wall %s  cpu %s  realm %s\n' "$name" "$(cut -d' ' -f1 "$work/$name" | median)" \
        "$(cut -d' ' -f2 "$work/$name" | median)" \
        "$( [[ $name == validate ]] && echo - || cut -d' ' -f3 "$work/$name" | median)"
done
