#!/usr/bin/env python3
"""Opens a Candor HTML report in headless Chromium and checks what the browser built.

Usage: check_html_report.py REPORT.html REPORT.json [--screenshot OUT.png] [--payloads FILE]

Checks: no console message at all (no policy violation, no error); no <script>, <img>, <iframe> or
on* handler in the DOM; one <mark class="finding"> per span finding and one document-check item per
document finding; the breakdown chart's numbers equal the JSON breakdown; with --payloads, every
payload line is visible as text. Prints a summary line and exits 1 on any failure.
"""
import json
import subprocess
import sys
from html.parser import HTMLParser

BROWSER = "chromium-headless-shell"


class DomCensus(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks = self.doc_checks = 0
        self.hidden = []  # open tags whose text is annotation (category codes, notes), not article text
        self.forbidden = []
        self.points = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.forbidden.append(tag)
        self.forbidden += [f"{tag}[{name}]" for name in attributes if name.startswith("on")]
        if tag == "mark" and "finding" in classes:
            self.marks += 1
        if tag == "li" and "finding-doc" in classes:
            self.doc_checks += 1
        if tag == "text" and "points" in classes:
            self.points.append(int(attributes["data-points"]))
        void = tag in ("br", "hr", "img", "input", "meta", "link", "wbr", "area", "source")
        if not void and (self.hidden or (tag == "span" and ("note" in classes or "code" in classes))):
            self.hidden.append(tag)

    def handle_endtag(self, tag):
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def browser(*arguments):
    command = [BROWSER, "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def main(argv):
    report, data = argv[1], argv[2]
    options = dict(zip(argv[3::2], argv[4::2]))
    url = "file://" + __import__("os").path.abspath(report)
    dumped = browser("--dump-dom", url)
    failures = []
    console = [line for line in dumped.stderr.splitlines() if ":CONSOLE" in line]
    failures += [f"console: {line}" for line in console]
    census = DomCensus()
    census.feed(dumped.stdout)
    documents = json.load(open(data, encoding="utf-8"))["documents"]
    spans = sum(1 for d in documents for f in d["findings"] if f["scope"] == "span")
    checks = sum(1 for d in documents for f in d["findings"] if f["scope"] == "document")
    expected_points = [line["points"] for d in documents for line in d["breakdown"]]
    if census.forbidden:
        failures.append(f"forbidden elements in the DOM: {sorted(set(census.forbidden))}")
    if census.marks != spans:
        failures.append(f"{census.marks} highlights for {spans} span findings")
    if census.doc_checks != checks:
        failures.append(f"{census.doc_checks} document-check items for {checks} document findings")
    if census.points != expected_points:
        failures.append(f"breakdown chart {census.points} != JSON {expected_points}")
    if "--payloads" in options:
        visible = "".join(census.text)
        for payload in open(options["--payloads"], encoding="utf-8").read().splitlines():
            if payload.strip() and payload not in visible:
                failures.append(f"payload not shown as text: {payload!r}")
    if "--screenshot" in options:
        shot = browser("--hide-scrollbars", "--window-size=1200,2000", f"--screenshot={options['--screenshot']}", url)
        if shot.returncode != 0:
            failures.append(f"screenshot failed: {shot.stderr[-300:]}")
    for failure in failures:
        print(f"FAIL {report}: {failure}")
    print(f"{report}: {census.marks} highlights, {census.doc_checks} document checks, "
          f"{len(census.points)} chart bars, {len(console)} console messages: {'FAIL' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
