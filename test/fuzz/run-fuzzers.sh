#!/usr/bin/env bash
# Builds every fuzz target with clang + libFuzzer (ASan/UBSan) and runs each for SECONDS
# (default 30) from its seed corpus. New crashes fail the run; crashing inputs are left in
# the build directory. Usage: test/fuzz/run-fuzzers.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
build=${2:-$src/build-fuzz}
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCUSTODY_BUILD_FUZZERS=ON -DCUSTODY_BUILD_BENCHMARKS=OFF >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
targets=$(cd "$src/test/fuzz" && ls *_fuzzer.cpp | sed 's/\.cpp$//')
cmake --build "$build" -j "$(nproc)" --target $targets
for t in $targets; do
  thing=${t%_fuzzer}
  work=$build/fuzz-work/$thing
  mkdir -p "$work/corpus"
  echo "== $t for ${seconds}s"
  (cd "$work" && "$build/test/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus "$src/test/fuzz/corpora/$thing" 2>&1 | grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)' || true)
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* >/dev/null 2>&1; then
    echo "$t found a failing input: $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* 2>/dev/null)"; exit 1
  fi
done
