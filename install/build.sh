#!/usr/bin/env bash
# Configures and builds custody. Usage: install/build.sh [BUILD_DIR] [extra cmake args...]
# Used by demo.sh, test.sh and CI alike, so a laptop builds exactly what CI builds.
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$src/build}; shift || true
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" "$@" >"$build.configure.log" 2>&1 \
  || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"
