/// The report a person reads in a terminal: score, an aligned breakdown, then findings by category.
public struct TerminalReporter: PieceByPieceReporter {
    let style: TerminalStyle
    let gates: Gates.Outcome?

    public init(colors: Bool, gates: Gates.Outcome? = nil) {
        style = TerminalStyle(enabled: colors)
        self.gates = gates
    }

    func emit(_ report: AuditReport, _ out: (String) -> Void) {
        for (index, document) in report.documents.enumerated() {
            if index > 0 { out("\n") }
            emit(document, out)
        }
        if report.documents.count > 1 {
            let summary = report.summary
            let median = summary.medianScore.map { String(format: "%.1f", $0) } ?? "-"
            out(
                "\n" + style.bold("\(summary.documents) documents")
                    + ", \(summary.findings) findings, median score \(median)\n")
        }
        for failure in gates?.runFailures ?? [] { out("\n" + style.bold("Gate failed: ") + shown(failure) + "\n") }
    }

    /// One document, a line at a time; findings by category, each category read from the findings
    /// in place rather than copied out.
    private func emit(_ document: DocumentReport, _ out: (String) -> Void) {
        func line(_ text: String) { out(text + "\n") }
        line(style.bold(shown(document.path, newlines: false)))
        let scoreText = style.score("\(document.score)/100", document.score)
        line(
            "  Score \(scoreText)  grade \(style.bold(document.grade))  "
                + "(\(document.wordCount) words, \(plural(document.findings.count, "finding")), \(plural(document.signals.count, "signal")))"
        )
        if let failure = gates?.failure(of: document) { line("  " + style.bold("Gate failed: ") + shown(failure)) }
        line("")
        breakdown(document).forEach(line)
        for category in Category.allCases {
            let count = document.findingCount(in: category)
            guard count > 0 else { continue }
            line("")
            line("  " + style.color(style.bold("\(category.title) (\(count))"), for: category))
            for finding in document.findings where finding.category == category { render(finding).forEach(line) }
        }
        if !document.signals.isEmpty {
            line("")
            line("  " + style.color(style.bold("Signals (\(document.signals.count))"), for: .transparency))
            for signal in document.signals {
                line(
                    "    \(String(signal.line).leftPadded(to: 4)):\(String(signal.column).padded(to: 4)) \(signal.ruleId)  \(style.dim(quoted(shown(signal.text))))"
                )
            }
        }
        for diagnostic in document.diagnostics {
            line("  \(diagnostic.severity.rawValue): \(shown(diagnostic.message))")
        }
    }

    private func breakdown(_ document: DocumentReport) -> [String] {
        let rows = [("base", "", document.base)] + document.breakdown.map { ($0.category, shown($0.reason), $0.points) }
        let categoryWidth = rows.map(\.0.count).max() ?? 0
        let reasonWidth = min(70, rows.map(\.1.count).max() ?? 0)
        var lines = ["  " + style.dim("Breakdown".padded(to: categoryWidth + reasonWidth + 2) + "  points")]
        for (category, reason, points) in rows {
            let shown = reason.count > reasonWidth ? String(reason.prefix(reasonWidth - 1)) + "…" : reason
            let sign = points > 0 && category != "base" ? "+" : ""
            lines.append(
                "  \(category.padded(to: categoryWidth))  \(shown.padded(to: reasonWidth))  \((sign + String(points)).leftPadded(to: 6))"
            )
        }
        lines.append(
            "  " + "score".padded(to: categoryWidth + reasonWidth + 2) + "  " + String(document.score).leftPadded(to: 6)
        )
        return lines
    }

    private func render(_ finding: Finding) -> [String] {
        let location = "\(String(finding.line).leftPadded(to: 4)):\(String(finding.column).padded(to: 4))"
        let mark = finding.baseline == true ? "  (baseline)" : ""
        var lines = ["  \(location) \(finding.severity.rawValue.padded(to: 8)) \(style.dim(finding.ruleLabel + mark))"]
        let indent = String(repeating: " ", count: 12)
        if finding.scope == .span {
            let excerpt =
                shown(finding.context.before) + style.highlight(shown(finding.text)) + shown(finding.context.after)
            lines.append(indent + excerpt.replacingNewlines())
        }
        lines.append(indent + shown(finding.message))
        lines.append(indent + style.dim("→ " + shown(finding.suggestion)))
        return lines
    }

    /// Text from an article, a rule or a file name, with control and reordering characters shown.
    private func shown(_ text: String, newlines: Bool = true) -> String {
        VisibleText.escape(text, newlines: newlines)
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func quoted(_ text: String) -> String { "“" + text.replacingNewlines() + "”" }
}

extension String {
    /// Folds line breaks to spaces so an excerpt stays on one line.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
