"""Checks action.yml and a workflow that uses it where actionlint cannot be installed: every input the
action reads is declared, every composite step that runs a command names its shell, and the workflow's
inputs to the action are ones it declares. Usage: check_action.py ACTION_YML WORKFLOW_YML"""
import re
import sys

import yaml

action = yaml.safe_load(open(sys.argv[1]))
workflow = yaml.safe_load(open(sys.argv[2]))
problems = []
declared = set(action.get("inputs", {}))
for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", open(sys.argv[1]).read()):
    if name not in declared:
        problems.append(f"action.yml reads undeclared input '{name}'")
if action.get("runs", {}).get("using") != "composite":
    problems.append("action.yml is not a composite action")
for step in action["runs"].get("steps", []):
    if "run" in step and "shell" not in step:
        problems.append(f"action.yml step '{step.get('name')}' runs a command without 'shell'")
    if "run" not in step and "uses" not in step:
        problems.append(f"action.yml step '{step.get('name')}' neither runs nor uses anything")
for job, body in workflow.get("jobs", {}).items():
    if "runs-on" not in body:
        problems.append(f"workflow job '{job}' has no runs-on")
    for step in body.get("steps", []):
        uses = step.get("uses", "")
        if uses == "./" or uses.split("@")[0].endswith("/candor"):
            for key in step.get("with", {}):
                if key not in declared:
                    problems.append(f"workflow passes '{key}', which action.yml does not declare")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
