#!/usr/bin/env bash
# Coverage-guided fuzzing of Sluice's parsers and text algorithms (libFuzzer + AddressSanitizer).
#
#   Scripts/fuzz.sh list                  the harnesses
#   Scripts/fuzz.sh build                 build Fuzz/ (release, -sanitize=fuzzer,address)
#   Scripts/fuzz.sh HARNESS [SECONDS] [libFuzzer flags…]   run one (default 60 s)
#   Scripts/fuzz.sh all [SECONDS]         run each in turn (FUZZ_JOBS=2 runs two at a time;
#                                         FUZZ_RUNS=N stops a harness after N executions;
#                                         FUZZ_HARNESSES="a b" runs only those)
#   Scripts/fuzz.sh repro HARNESS FILE    run one input (a finding) again
#
# The corpus lives in Fuzz/.corpus/HARNESS (seeded by Scripts/fuzz_seeds.py on first use),
# findings (crash-*, timeout-*, oom-*) in Fuzz/.findings/HARNESS. A hang (-timeout, 10 s a
# unit) and a run past the RSS limit (2 GB) are findings like crashes. Exit status is non-zero
# if any harness found something; each finding must become a test in `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz=Fuzz/.build/release/sluice-fuzz
export SWIFT_BACKTRACE=enable=no   # libFuzzer reports crashes itself

build() {
    # A failed build must fail, even when an older binary is still there.
    local log status
    log=$(mktemp)
    # Not a bare command: under `set -e` a failure would exit here, before the log is shown.
    status=0
    # SwiftPM keeps the build plan of the path dependency (the main package) and does not see
    # source files added to it since: without the plan it is made again (nothing recompiled).
    rm -f Fuzz/.build/release.yaml
    (cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing) >"$log" 2>&1 || status=$?
    grep -v "Cannot export local symbol" "$log" | grep -E "error|warning: |Build complete" | grep -v "^\[" || true
    rm -f "$log"
    [ "$status" -eq 0 ] && [ -x "$fuzz" ] || { echo "fuzz build failed" >&2; exit 2; }
}

# The binary lists the harnesses when none is chosen (and exits 2, which is expected here).
harnesses() { { SLUICE_FUZZ_HARNESS= "$fuzz" -runs=0 2>&1 || true; } | sed -n 's/.*one of: //p' | tr ' ' '\n'; }

run_one() {
    local h=$1 secs=$2; shift 2
    local corpus=Fuzz/.corpus/$h findings=Fuzz/.findings/$h
    mkdir -p "$findings"
    if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
        python3 Scripts/fuzz_seeds.py Fuzz/.corpus >/dev/null
    fi
    local log=$findings/last.log
    local started=$(date +%s)
    set +e
    SLUICE_FUZZ_HARNESS=$h "$fuzz" "$corpus" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="$findings/" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} "$@" >"$log" 2>&1
    local rc=$?
    set -e
    local execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    local took=$(( $(date +%s) - started ))
    local found=$(ls "$findings" | grep -cE '^(crash|timeout|oom|leak|slow-unit)-' || true)
    printf '%-16s %5ss  %10s execs  %s findings  exit %s\n' "$h" "$took" "${execs:-?}" "$found" "$rc"
    if [ "$rc" -ne 0 ]; then grep -E "invariant broken|ERROR|ALARM|SUMMARY|Test unit written" "$log" | head -5; fi
    return $rc
}

cmd=${1:-}
case "$cmd" in
    build) build ;;
    list) [ -x "$fuzz" ] || build; harnesses ;;
    repro)
        [ -x "$fuzz" ] || build
        SLUICE_FUZZ_HARNESS=$2 "$fuzz" "$3" 2>&1 | grep -vE "^    #[0-9]+ .*(libFuzzer|compiler-rt|fuzzer::)" ;;
    all)
        [ -x "$fuzz" ] || build
        secs=${2:-60}; jobs=${FUZZ_JOBS:-1}; status=0
        export -f run_one; export fuzz
        { if [ -n "${FUZZ_HARNESSES:-}" ]; then tr ' ' '\n' <<<"$FUZZ_HARNESSES"; else harnesses; fi; } \
            | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} "$secs" || status=$?
        exit $status ;;
    ""|-h|--help) sed -n 2,15p "$0"; exit 2 ;;
    *)
        [ -x "$fuzz" ] || build
        h=$1; secs=${2:-60}; shift; [ $# -gt 0 ] && shift
        run_one "$h" "$secs" "$@" ;;
esac
