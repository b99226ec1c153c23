/// The report for pull requests and wikis: the terminal report's content as GitHub-flavoured Markdown.
public struct MarkdownReporter: PieceByPieceReporter {
    let gates: Gates.Outcome?

    public init(gates: Gates.Outcome? = nil) { self.gates = gates }

    func emit(_ report: AuditReport, _ out: (String) -> Void) {
        out("# Candor report\n\n")
        if report.documents.count > 1 {
            out("| Document | Score | Grade | Findings |\n| --- | ---: | :---: | ---: |\n")
            for document in report.documents {
                out("| \(cell(document.path)) | \(document.score) | \(document.grade) | \(document.findings.count) |\n")
            }
            out("\n")
        }
        for (index, document) in report.documents.enumerated() {
            if index > 0 { out("\n") }
            emit(document, out)
        }
    }

    private func emit(_ document: DocumentReport, _ out: (String) -> Void) {
        out("## \(MarkdownText.escape(document.path, newlines: false))\n\n")
        out("**Score \(document.score)/100, grade \(document.grade)** (\(document.wordCount) words, ")
        out("\(document.findings.count) findings, \(document.signals.count) signals)\n\n")
        if let failure = gates?.failure(of: document) { out("**Gate failed:** \(escape(failure))\n\n") }
        out("| Category | Reason | Points |\n| --- | --- | ---: |\n| base | | \(document.base) |\n")
        for line in document.breakdown {
            out("| \(line.category) | \(cell(line.reason)) | \(line.points > 0 ? "+" : "")\(line.points) |\n")
        }
        out("| **score** | | **\(document.score)** |\n")
        for category in Category.allCases {
            let count = document.findingCount(in: category)
            guard count > 0 else { continue }
            out("\n### \(category.title) (\(count))\n\n")
            for finding in document.findings where finding.category == category {
                let excerpt =
                    finding.scope == .span
                    ? " — " + escape(finding.context.before) + "**" + escape(finding.text) + "**"
                        + escape(finding.context.after)
                    : ""
                let mark = finding.baseline == true ? " *(baseline)*" : ""
                out(
                    "- **\(finding.line):\(finding.column)** `\(finding.ruleLabel)` (\(finding.severity.rawValue))\(mark)"
                )
                out("\(excerpt.replacingNewlines())  \n  \(escape(finding.message)) *\(escape(finding.suggestion))*\n")
            }
        }
        if !document.signals.isEmpty {
            out("\n### Signals (\(document.signals.count))\n\n")
            for signal in document.signals {
                out(
                    "- **\(signal.line):\(signal.column)** `\(signal.ruleId)` — \(escape(signal.text).replacingNewlines())\n"
                )
            }
        }
        if !document.diagnostics.isEmpty {
            out("\n### Diagnostics\n\n")
            for diagnostic in document.diagnostics {
                out("- \(diagnostic.severity.rawValue): \(escape(diagnostic.message))\n")
            }
        }
    }

    private func escape(_ text: String) -> String { MarkdownText.escape(text) }

    private func cell(_ text: String) -> String { escape(text).replacingNewlines() }
}
