#!/usr/bin/env bash
# Builds custody's shipped programs in every standard build type with GCC and with clang, warnings
# as errors, so a packager's `cmake -DCMAKE_BUILD_TYPE=Release` (or MinSizeRel, or clang) cannot
# break unseen: optimisation levels change which warnings the compilers emit (GCC 12's -Wrestrict
# under -O3 once did). install/test.sh already builds and tests GCC RelWithDebInfo and GCC Debug
# (with sanitizers); this builds the other six. Tests and benchmarks are left out: they are not
# shipped, and the two test builds compile them.
#
# Usage: install/build-matrix.sh [WORK_DIR]     (CUSTODY_MATRIX="gcc:Release clang:Debug" to pick)
#   CUSTODY_MATRIX_DEADLINE=EPOCH_SECONDS: start no build after then (CI keeps its time limit;
#   each build skipped is named, never passed over silently).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-$src/build-matrix}
combos=${CUSTODY_MATRIX:-"gcc:Release gcc:MinSizeRel clang:Debug clang:Release clang:RelWithDebInfo clang:MinSizeRel"}

mkdir -p "$work"
declare -A cc=([gcc]=gcc [clang]=clang) cxx=([gcc]=g++ [clang]=clang++)
for combo in $combos; do
  compiler=${combo%%:*} type=${combo#*:}
  dir=$work/$compiler-$type
  if [[ -n ${CUSTODY_MATRIX_DEADLINE:-} && $(date +%s) -ge $CUSTODY_MATRIX_DEADLINE ]]; then
    echo "== $compiler $type: NOT BUILT, the time budget is spent (run install/build-matrix.sh) =="
    continue
  fi
  start=$SECONDS
  echo "== $compiler $type =="
  CMAKE_BUILD_TYPE=$type CC=${cc[$compiler]} CXX=${cxx[$compiler]} \
    bash "$src/install/build.sh" "$dir" -DCUSTODY_BUILD_TESTS=OFF -DCUSTODY_BUILD_BENCHMARKS=OFF \
    -DCUSTODY_WARNINGS_AS_ERRORS=ON >"$dir.log" 2>&1 || { tail -n 60 "$dir.log"; exit 1; }
  echo "   built in $((SECONDS - start)) s"
done
