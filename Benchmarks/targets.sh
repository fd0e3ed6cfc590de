#!/usr/bin/env bash
# The measurements of issue 7 point 2, one after the other (the README's performance tables).
#   bash Benchmarks/targets.sh [BIG_MB]     (default 1000: the 50 MB -> 1 GB memory check)
# Corpora are generated once under /tmp/sluice-bench-corpora (deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-1000}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product sluice >/dev/null
swift build -c release --scratch-path "$scratch" --product sluice-bench >/dev/null
bench="$scratch/release/sluice-bench"
c=/tmp/sluice-bench-corpora
[ -d $c/c120 ] || python3 Benchmarks/make_corpus.py $c/c120 --mb 120 --files 8
[ -d $c/50x8 ] || "$bench" corpus $c/50x8 --mb 50 --files 8
[ -d $c/${big}x8 ] || "$bench" corpus $c/${big}x8 --mb "$big" --files 8
[ -d $c/500x1 ] || "$bench" corpus $c/500x1 --mb 500 --files 1
[ -d $c/500x8 ] || "$bench" corpus $c/500x8 --mb 500 --files 8
echo "== 1. default pipeline and pass-through, 120 MB in 8 files, --jobs 1 and 2, best of 5"
"$bench" run --input $c/c120 --configs passthrough,news --jobs-list 1,2 --repeat 5
echo "== 2. memory: 50 MB and ${big} MB in 8 files (--jobs 2)"
"$bench" run --input $c/50x8 --configs passthrough,news --jobs-list 2
"$bench" run --input $c/${big}x8 --configs passthrough,news --jobs-list 2
echo "== 3. one 500 MB file vs 500 MB in 8 files (--jobs 1 and 2)"
"$bench" run --input $c/500x1 --configs passthrough,news --jobs-list 1,2
"$bench" run --input $c/500x8 --configs passthrough,news --jobs-list 1,2
