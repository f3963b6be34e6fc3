#!/bin/sh
# Records the environment and the options the plugin gives its forked JVM, then runs that JVM.
mkdir -p "$(dirname "$0")/target"
env > "$(dirname "$0")/target/fork-environment.txt"
printf '%s\n' "$@" > "$(dirname "$0")/target/fork-arguments.txt"
exec "$REAL_JAVA" "$@"
