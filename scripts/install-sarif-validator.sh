#!/usr/bin/env bash
# Installs Microsoft's SARIF validator (the npm package
# @microsoft/sarif-multitool, pinned) into build/tools/sarif-multitool, for the
# test that validates sqlrace's SARIF output. npm keeps its download cache in
# ~/.npm, so a second checkout installs without the network. Does nothing
# when the pinned version is already there. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=5.7.0
DEST=${SQLRACE_BUILD_DIR:-build}/tools/sarif-multitool
STAMP="$DEST/.installed-$VERSION"
if [[ -f "$STAMP" ]]; then
  echo "install-sarif-validator: @microsoft/sarif-multitool $VERSION present"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "install-sarif-validator: npm not found; install nodejs and npm" >&2
  exit 1
fi
mkdir -p "$DEST"
npm install --prefix "$DEST" --no-audit --no-fund --prefer-offline \
  "@microsoft/sarif-multitool@$VERSION" >/dev/null
# npm 11 skips the package's postinstall (which only makes the binary
# executable) unless allowed: do that step here.
chmod u+x "$DEST"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
touch "$STAMP"
echo "install-sarif-validator: installed @microsoft/sarif-multitool $VERSION in $DEST"
