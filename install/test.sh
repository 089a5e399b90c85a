#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite twice: a normal build and an
# AddressSanitizer + UndefinedBehaviorSanitizer build (the hooks run as children of real
# `git push` in the integration suites, so sanitizer reports surface there too).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$src/install/deps.sh"

run_suite() {
  local build=$1; shift
  bash "$src/install/build.sh" "$build" "$@"
  (cd "$build" && ctest --output-on-failure -j "$(nproc)" --timeout 900)
}

echo "== release build =="
run_suite "$src/build"
if [[ ${CUSTODY_SKIP_SANITIZERS:-0} != 1 ]]; then
  echo "== ASan + UBSan build =="
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  run_suite "$src/build-asan" -DCUSTODY_ENABLE_SANITIZER_ADDRESS=ON -DCUSTODY_ENABLE_SANITIZER_UNDEFINED=ON \
    -DCUSTODY_BUILD_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=Debug
fi

# Optional: coverage-guided fuzzing with clang + libFuzzer for N seconds per target
# (CUSTODY_FUZZ_SECONDS=60 bash install/test.sh). The corpora replay in every run above.
if [[ ${CUSTODY_FUZZ_SECONDS:-0} -gt 0 ]]; then
  echo "== libFuzzer, ${CUSTODY_FUZZ_SECONDS}s per target =="
  bash "$src/test/fuzz/run-fuzzers.sh" "$CUSTODY_FUZZ_SECONDS" "$src/build-fuzz"
fi
