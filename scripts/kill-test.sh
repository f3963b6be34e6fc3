#!/usr/bin/env bash
# Kills Maven (only Maven, never its forked training JVM) at random points of a `mvn verify` that trains a tiny model,
# then builds again, and reports what was lost. Each run:
#   1. starts `mvn verify` on a tiny project (generated 8x8 two-class data, 4 epochs; the kill-maven invoker build's);
#   2. kills Maven's own JVM with SIGKILL or SIGTERM (alternately), either after a random delay (anywhere from start to
#      finish: Maven's start, data loading, an epoch, a checkpoint, the model's writing) or right after a random
#      "epoch k done" line (k = 4: while the final evaluation runs and the model directory is written);
#   3. waits up to 5 s for the fork(s) Maven had started to end on their own, and records how long they took (a fork
#      still alive then is a failure; the script then kills it, as it is one of its own);
#   4. builds again and records whether it succeeded, where it resumed, how many finished epochs were trained again,
#      whether the model's parameters are bit-identical to an uninterrupted build's, whether its files match its
#      manifest, and any staging folder left behind.
# It prints one line per run and a summary; it exits non-zero if any run lost a model, left an orphan fork, or ended
# with other parameters.
#
# Usage: scripts/kill-test.sh [--runs N] [--seed S] [-- extra mvn arguments]
#   --runs N   runs (default 20)
#   --seed S   seed of the random kill points (default: the current time), printed so a run can be repeated
#   extra mvn arguments go to every build, e.g. -Dmaven.repo.local=/path/to/repo -o
#
# Needs the plugin installed: mvn -B install -DskipTests -Dinvoker.skip -Dcnn.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=20 seed=$(date +%s)
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
    esac
done
mvn_args=(-B "$@")
RANDOM=$seed
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=$work/project
mkdir -p "$project"
cp -r cnn-maven-plugin/src/it/kill-maven/src "$project/"
sed -e 's/@project.groupId@/dev.cnnbuild/' -e 's/@project.artifactId@/cnn-maven-plugin/' \
    -e "s/@project.version@/$version/" cnn-maven-plugin/src/it/kill-maven/pom.xml > "$project/pom.xml"
epochs=$(sed -n 's/^  epochs: //p' "$project/src/main/cnn/slow.yaml")

now_ms() { date +%s%3N; }
# whether any of the given processes still runs; a zombie (ended, not yet reaped by whoever inherited it) does not
running() { ps -o stat= -p "$*" 2>/dev/null | grep -q -v '^Z'; }

echo "kill test: $runs runs, seed $seed, project $project, mvn ${mvn_args[*]}"
start=$(now_ms)
(cd "$project" && mvn "${mvn_args[@]}" -Dcnn.outputDirectory="$work/reference" verify > "$work/reference.log" 2>&1) \
    || { echo "the uninterrupted reference build failed; see its log:" >&2; tail -30 "$work/reference.log" >&2; exit 1; }
span=$(( $(now_ms) - start ))
reference=$(sha256sum < "$work/reference/slow/parameters.params")
echo "uninterrupted build: $span ms"
printf '%-4s %-7s %-26s %-44s %-10s %-40s %-6s %-9s %-8s %s\n' run signal "kill point" "phase at the kill (last log line)" \
    "fork gone" "rebuild" redone "params" manifest leftovers

failures=0 orphans=0 lost_models=0 redone_total=0
for ((i = 1; i <= runs; i++)); do
    rm -rf "$project/target"
    signal=$([[ $((i % 2)) -eq 1 ]] && echo KILL || echo TERM)
    log=$work/killed-$i.log
    (cd "$project" && exec mvn "${mvn_args[@]}" verify > "$log" 2>&1) &
    maven=$!   # bin/mvn execs the JVM: this is Maven itself
    if ((RANDOM % 3 == 0)); then
        k=$((RANDOM % epochs + 1))
        point="after 'epoch $k done'"
        until grep -q "epoch $k done" "$log" 2>/dev/null || ! kill -0 "$maven" 2>/dev/null; do sleep 0.02; done
    else
        delay=$((RANDOM * 32768 + RANDOM))
        delay=$((delay % (span + 1000)))
        point="at $delay ms"
        sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    fi
    forks=$(pgrep -P "$maven" || true)
    phase=$(sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^\[INFO\] //' "$log" | { grep -v -e '^\s*$' -e 'Download' || true; } \
        | tail -1 | cut -c1-44)
    phase=${phase:-(Maven starting)}
    kill -s "$signal" "$maven" 2>/dev/null || phase="(finished before the kill)"
    wait "$maven" 2>/dev/null || true
    gone="-"
    if [[ -n $forks ]]; then
        killed_at=$(now_ms)
        while [[ $(( $(now_ms) - killed_at )) -lt 5000 ]] && running $forks; do sleep 0.02; done
        if running $forks; then
            gone="ORPHAN"
            orphans=$((orphans + 1))
            kill -9 $forks 2>/dev/null || true
        else
            gone="$(( $(now_ms) - killed_at )) ms"
        fi
    fi
    done_before=$(grep -c "epoch [0-9]* done" "$log" || true)
    rebuild_log=$work/rebuild-$i.log
    if (cd "$project" && mvn "${mvn_args[@]}" verify > "$rebuild_log" 2>&1); then
        if grep -q "slow: up to date" "$rebuild_log"; then
            rebuild="up to date (model was complete)"
            redone=0
        elif resumed=$(grep -o "resuming from the checkpoint after epoch [0-9]*" "$rebuild_log"); then
            after=${resumed##* }
            rebuild="resumed after epoch $after"
            redone=$((done_before > after ? done_before - after : 0))
        else
            rebuild="trained from epoch 1 ($(grep -o 'slow: training: [^(]*' "$rebuild_log" | cut -c17- | sed 's/ at .*//'))"
            redone=$done_before
        fi
        params=$([[ $(sha256sum < "$project/target/cnn/slow/parameters.params") == "$reference" ]] && echo same || echo DIFFERENT)
        manifest=$( (cd "$project/target/cnn/slow" && sha256sum --quiet -c manifest.sha256 > /dev/null 2>&1) && echo ok || echo BAD)
    else
        rebuild="FAILED: $(grep -m1 'ERROR' "$rebuild_log" | cut -c1-60)"
        params="-" manifest="-" redone=0
        lost_models=$((lost_models + 1))
    fi
    leftovers=$(cd "$project/target/cnn" 2>/dev/null && ls -A | grep -v -x -e slow -e .cnn.lock | tr '\n' ' ' || true)
    [[ $params == same && $manifest == ok && $gone != ORPHAN && -z $leftovers ]] || failures=$((failures + 1))
    redone_total=$((redone_total + redone))
    printf '%-4s %-7s %-26s %-44s %-10s %-40s %-6s %-9s %-8s %s\n' "$i" "SIG$signal" "$point" "$phase" "$gone" \
        "$rebuild" "$redone" "$params" "$manifest" "${leftovers:--}"
done
echo "summary: $runs runs; $orphans orphan forks; $lost_models failed rebuilds; $redone_total finished epochs trained" \
    "again in all; $failures runs with a problem (orphan, other parameters, bad manifest or leftovers)"
[[ $failures -eq 0 ]]
