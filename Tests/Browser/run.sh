#!/usr/bin/env bash
# Renders HTML reports and checks them in headless Chromium: the sample article, a hostile article
# audited with a hostile user ruleset, and a multi-document report. Run from the repository root after `swift build`.
set -euo pipefail
candor=${CANDOR:-.build/debug/candor}
out=${OUT:-.build/browser-check}
mkdir -p "$out"
status=0
check() {
    local name=$1; shift
    "$candor" audit "$@" --format html -o "$out/$name.html" || [ $? -eq 1 ]
    "$candor" audit "$@" --format json -o "$out/$name.json" || [ $? -eq 1 ]
    python3 Tests/Browser/check_html_report.py "$out/$name.html" "$out/$name.json" "${extra[@]}" || status=1
}
extra=(--screenshot "$out/sample.png")
check sample ../shared/samples/hokanews-china-open-source-ai.txt
extra=(--payloads Tests/Browser/xss-article.txt)
check xss Tests/Browser/xss-article.txt --ruleset Tests/Browser/hostile-rules
extra=()
check many Reports/articles
exit $status
