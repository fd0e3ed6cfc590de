#!/usr/bin/env bash
# Cost of checkpointing: the default pipeline with default checkpoints vs checkpoints disabled,
# alternating runs, median CPU seconds (user+sys) and wall seconds of each.
#   bash Benchmarks/checkpoint_overhead.sh [CORPUS_DIR] [RUNS]
# Without CORPUS_DIR a 120 MB corpus is generated in /tmp/sluice-ckpt-corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/sluice-ckpt-corpus}
runs=${2:-5}
[ -d "$corpus" ] || python3 Benchmarks/make_corpus.py "$corpus" --mb 120 --files 8 >/dev/null
swift build -c release --product sluice >/dev/null
bin=.build/release/sluice
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() {  # $1 = label, rest = extra args; prints "cpu wall"
  rm -rf "$out/o"
  /usr/bin/time -f "%U %S %e" -o "$out/t" "$bin" run "$corpus" -o "$out/o" --progress none "${@:2}" 2>/dev/null
  awk '{printf "%.3f %.3f\n", $1 + $2, $3}' "$out/t"
}
: > "$out/with"; : > "$out/without"
for i in $(seq "$runs"); do
  measure with >> "$out/with"
  measure without --checkpoint-records 1000000000 --checkpoint-seconds 1000000000 >> "$out/without"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wc=$(cut -d' ' -f1 "$out/with" | median); nc=$(cut -d' ' -f1 "$out/without" | median)
ww=$(cut -d' ' -f2 "$out/with" | median); nw=$(cut -d' ' -f2 "$out/without" | median)
echo "corpus: $(du -sh "$corpus" | cut -f1) compressed; $runs runs each (median)"
echo "checkpoints on (default):  CPU ${wc} s  wall ${ww} s"
echo "checkpoints off:           CPU ${nc} s  wall ${nw} s"
awk -v a="$wc" -v b="$nc" -v c="$ww" -v d="$nw" 'BEGIN {printf "overhead: CPU %+.1f%%  wall %+.1f%%\n", (a/b-1)*100, (c/d-1)*100}'
