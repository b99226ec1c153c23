#!/usr/bin/env bash
# Builds the libFuzzer harness and fuzzes each target for SECONDS (default 60): the document readers
# (text, markdown, html), the ruleset loader (ruleset) and the whole audit (audit). Seeds come from
# ../shared/samples, the test fixtures and the built-in rules. Any crash leaves its input in
# .build-fuzz/crashes/TARGET and makes this script exit 1. Run from the repository root.
#   bash Fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text markdown html ruleset audit)
CANDOR_FUZZ=1 swift build -c release --product candor-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
binary=.build-fuzz/release/candor-fuzz
seeds=.build-fuzz/seeds
mkdir -p "$seeds"
cp ../shared/samples/* Tests/CandorKitTests/Fixtures/* Reports/articles/* Rulesets/core/*.yml Tests/Browser/xss-article.txt "$seeds"/
status=0
for target in "${targets[@]}"; do
    corpus=.build-fuzz/corpus/$target
    crashes=.build-fuzz/crashes/$target
    mkdir -p "$corpus" "$crashes"
    # CANDOR_FUZZ_SEED makes a run repeatable (CI sets it); otherwise libFuzzer picks a seed.
    if ! CANDOR_FUZZ_TARGET=$target "$binary" ${CANDOR_FUZZ_SEED:+-seed=$CANDOR_FUZZ_SEED} -max_total_time="$seconds" -max_len=16384 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" "$seeds" > ".build-fuzz/$target.log" 2>&1; then
        echo "fuzz $target: CRASH, input saved in $crashes"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' ".build-fuzz/$target.log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' ".build-fuzz/$target.log" | tail -1 | grep -o '[0-9]*' || echo 0)
    echo "fuzz $target: ${seconds}s, $runs executions, coverage $cov edges"
done
exit $status
