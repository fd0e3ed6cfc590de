#!/usr/bin/env bash
# The default pipeline on article files packed as one .tar.zst against the same files as a
# directory of .txt.zst (issue 13): MB/s of decompressed input per CPU-second and wall-second,
# peak RSS. Articles are the generated news corpus of `sluice-bench corpus`, one per file.
#
#   swift build -c release --product sluice --product sluice-bench
#   Benchmarks/archives/bench.sh [MB=40] [WORK=/tmp/sluice-archive-bench] [JOBS="1 2"]
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-40}
WORK=${2:-/tmp/sluice-archive-bench}
JOBS=${JOBS:-"1 2"}
SLUICE=${SLUICE:-.build/release/sluice}
rm -rf "$WORK" && mkdir -p "$WORK/corpus" "$WORK/txt" "$WORK/dir" "$WORK/tar"
.build/release/sluice-bench corpus "$WORK/corpus" --mb "$MB" --files 1 --seed 7 >/dev/null
# One article per .txt file, in 100 folders.
python3 - "$WORK" <<'PY'
import json, os, sys, glob, subprocess
work = sys.argv[1]
n = 0
for path in sorted(glob.glob(f"{work}/corpus/*.jsonl.zst")):
    data = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout.decode("utf-8", "replace")
    for line in data.splitlines():
        try:
            text = json.loads(line).get("text")
        except ValueError:
            continue
        if not isinstance(text, str) or not text.strip():
            continue
        d = f"{work}/txt/{n % 100:02d}"
        os.makedirs(d, exist_ok=True)
        open(f"{d}/{n:06d}.txt", "w", encoding="utf-8").write(text + "\n")
        n += 1
print(f"{n} article files", file=sys.stderr)
PY
BYTES=$(find "$WORK/txt" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
FILES=$(find "$WORK/txt" -name '*.txt' | wc -l)
( cd "$WORK/txt" && find . -name '*.txt' | sort | tar --zstd -cf "$WORK/tar/articles.tar.zst" -T - )
cp -r "$WORK/txt/." "$WORK/dir/" && find "$WORK/dir" -name '*.txt' -exec zstd -q --rm {} +
echo "$FILES articles, $BYTES bytes of text"
echo "| input | jobs | wall s | CPU s | MB/s (wall) | MB/CPU-s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for jobs in $JOBS; do
  for kind in dir tar; do
    best=""
    for rep in 1 2 3; do
      rm -rf "$WORK/out"
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$SLUICE" run "$WORK/$kind" -o "$WORK/out" --jobs "$jobs" --progress none 2>/dev/null
      read -r wall user sys rss < "$WORK/time"
      cpu=$(echo "$user + $sys" | bc -l)
      if [ -z "$best" ] || (( $(echo "$cpu < $(echo "$best" | cut -d' ' -f2)" | bc -l) )); then best="$wall $cpu $rss"; fi
    done
    read -r wall cpu rss <<< "$best"
    printf '| %s | %s | %.2f | %.2f | %.1f | %.1f | %.0f |\n' \
      "$([ $kind = dir ] && echo "directory of .txt.zst" || echo ".tar.zst")" "$jobs" "$wall" "$cpu" \
      "$(echo "$BYTES / $wall / 1000000" | bc -l)" "$(echo "$BYTES / $cpu / 1000000" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  done
done
