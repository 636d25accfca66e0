#!/bin/sh
# Runs every built benchmark (executables named loom_bench_*) in the build folder $1 and
# prints their result lines ("name loom_s peer_s ratio") as one table; with $2, also writes
# the table to that file. Builds nothing: build the benchmarks first, in Release, e.g.
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
#   benchmarks/run.sh build
set -eu
build=${1:?usage: benchmarks/run.sh BUILD_DIR [TABLE_FILE]}
table=$(mktemp)
trap 'rm -f "$table"' EXIT
printf '%s\n' "benchmark loom_s peer_s ratio" >"$table"
found=0
for program in $(find "$build" -type f -name 'loom_bench_*' -perm -u+x | sort); do
  found=1
  echo "running $(basename "$program")" >&2
  # Keep only result lines: a name followed by three numbers.
  "$program" | awk 'NF == 4 && $2 ~ /^([0-9.eE+-]+|nan)$/ { print }' >>"$table" ||
    echo "$(basename "$program") failed" >&2
done
if [ "$found" -eq 0 ]; then
  echo "no loom_bench_* executables under $build (configure with LOOM_BUILD_BENCHMARKS=ON)" >&2
  exit 1
fi
column -t "$table"
if [ $# -ge 2 ]; then column -t "$table" >"$2"; fi
