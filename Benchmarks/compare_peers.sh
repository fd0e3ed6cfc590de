#!/usr/bin/env bash
# Sluice vs datatrove and a Python zstandard+orjson pass-through on a generated corpus.
#   bash Benchmarks/compare_peers.sh [MB]      (default 20 MB: datatrove's filters run at ~0.2 MB/s)
# The Python peers live in a venv outside the repository (/tmp/venv-peers), never a dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-/tmp/venv-peers}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import datatrove, zstandard, orjson, regex" 2>/dev/null \
  || "$venv/bin/pip" install -q datatrove zstandard orjson regex
swift build -c release --product sluice >/dev/null
swift build -c release --product sluice-bench >/dev/null
"$venv/bin/python" Benchmarks/compare_peers.py --mb "${1:-20}" --bin .build/release
