#!/usr/bin/env bash
# Builds the DocC documentation of Sluice and SluiceText into .build/docs/<target>/ with
# swift-docc-plugin, offline; any DocC warning fails. Open .build/docs/Sluice/index.html through
# a local web server (python3 -m http.server), or add --transform-for-static-hosting's
# --hosting-base-path for a site.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/docs
for target in Sluice SluiceText; do
  rm -rf ".build/docs/$target"
  swift package --allow-writing-to-directory .build/docs \
    generate-documentation --target "$target" --warnings-as-errors \
    --output-path ".build/docs/$target" --transform-for-static-hosting
done
