#!/bin/sh
# Records the environment the plugin gives its forked JVM, then runs that JVM.
mkdir -p "$(dirname "$0")/target"
env > "$(dirname "$0")/target/fork-environment.txt"
exec "$REAL_JAVA" "$@"
