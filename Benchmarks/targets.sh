#!/usr/bin/env bash
# The measurements of issue 7 point 2, one after the other (the README's performance table).
#   bash Benchmarks/targets.sh [BIG_MB]     (default 500; 1000 for the full 50 MB -> 1 GB check)
# Corpora are generated once under /tmp/sluice-bench-corpora (deterministic: seed 1).
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-500}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product sluice >/dev/null
swift build -c release --scratch-path "$scratch" --product sluice-bench >/dev/null
bench="$scratch/release/sluice-bench"
c=/tmp/sluice-bench-corpora
[ -d $c/50x8 ] || "$bench" corpus $c/50x8 --mb 50 --files 8
[ -d $c/${big}x8 ] || "$bench" corpus $c/${big}x8 --mb "$big" --files 8
[ -d $c/${big}x1 ] || "$bench" corpus $c/${big}x1 --mb "$big" --files 1
echo "== 1. every configuration, 50 MB in 8 files, --jobs 1 and 2"
"$bench" run --input $c/50x8
echo "== 2. memory and throughput on ${big} MB in 8 files (--jobs 2)"
"$bench" run --input $c/${big}x8 --configs passthrough,news-nolang,news --jobs-list 2
echo "== 3. one ${big} MB file (--jobs 1 and 2)"
"$bench" run --input $c/${big}x1 --configs passthrough,news-nolang
echo "== 3b. the same ${big} MB in 8 files (--jobs 1 and 2)"
"$bench" run --input $c/${big}x8 --configs passthrough,news-nolang
