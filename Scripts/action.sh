#!/usr/bin/env bash
# The GitHub Action's audit step (action.yml), runnable anywhere: builds candor beside this script
# when no binary is there yet, audits CANDOR_PATHS with annotations on standard output, writes SARIF
# to CANDOR_SARIF and any CANDOR_REPORTS (FORMAT:PATH ...), appends a Markdown report to the job
# summary ($GITHUB_STEP_SUMMARY) and exits with candor's own code (0 pass, 1 gate failed, 2 error).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
candor=${CANDOR_BINARY:-$here/.build-static/release/candor}
if [ ! -x "$candor" ]; then
    make -C "$here" build >&2 || { echo "candor: could not be built" >&2; exit 2; }
fi
sarif=${CANDOR_SARIF:-candor.sarif}
summary=$(mktemp "${RUNNER_TEMP:-/tmp}/candor-summary.XXXXXX")
trap 'rm -f "$summary"' EXIT
args=(audit --format github --report "sarif:$sarif" --report "markdown:$summary")
[ -n "${CANDOR_CONFIG:-}" ] && args+=(--config "$CANDOR_CONFIG")
[ -n "${CANDOR_FAIL_UNDER:-}" ] && args+=(--fail-under "$CANDOR_FAIL_UNDER")
[ -n "${CANDOR_FAIL_ON:-}" ] && args+=(--fail-on "$CANDOR_FAIL_ON")
[ -n "${CANDOR_MAX_FINDINGS:-}" ] && args+=(--max-findings "$CANDOR_MAX_FINDINGS")
[ -n "${CANDOR_BASELINE:-}" ] && args+=(--baseline "$CANDOR_BASELINE")
read -ra reports <<< "${CANDOR_REPORTS:-}"
for report in "${reports[@]}"; do args+=(--report "$report"); done
read -ra paths <<< "${CANDOR_PATHS:-.}"
"$candor" "${args[@]}" -- "${paths[@]}"
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$summary" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif=$sarif" >> "$GITHUB_OUTPUT"; fi
exit "$status"
