#!/usr/bin/env bash
# Regenerates every committed report in Reports/ with the current build. Run from the repository
# root: bash Reports/regenerate.sh  (the screenshot needs chromium-headless-shell; it is skipped
# with a note when the browser is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
candor=.build/debug/candor
# The first customer's article is read from ../shared when it is there; the rest ship in the repository.
articles=(Examples/sample-article.txt Reports/articles/*.txt)
[ -f ../shared/samples/hokanews-china-open-source-ai.txt ] && articles=(../shared/samples/hokanews-china-open-source-ai.txt "${articles[@]}")
for article in "${articles[@]}"; do
    name=$(basename "$article" .txt)
    for format in terminal:terminal.txt markdown:md html:html json:json checklist:checklist.md; do
        "$candor" audit "$article" --color never --format "${format%%:*}" --output "Reports/$name.${format#*:}" || [ $? -eq 1 ]
    done
done
if command -v chromium-headless-shell >/dev/null && [ -f Reports/hokanews-china-open-source-ai.html ]; then
    chromium-headless-shell --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2000 \
        --screenshot=Reports/hokanews-china-open-source-ai.png \
        "file://$PWD/Reports/hokanews-china-open-source-ai.html" 2>/dev/null
else
    echo "chromium-headless-shell not found: screenshot not regenerated" >&2
fi
