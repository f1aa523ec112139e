#!/usr/bin/env bash
# Configures and builds sqlrace into build/ with Ninja, two jobs, ccache when
# present. Usage: scripts/build.sh [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SQLRACE_BUILD_DIR:-build}
JOBS=${SQLRACE_JOBS:-2}
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -G Ninja -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
fi
ninja -C "$BUILD_DIR" -j "$JOBS"
