/// Renders an audit report in one output format. Reporters are pure: the same report gives the same text.
public protocol Reporter: Sendable {
    func render(_ report: AuditReport) -> String
}

/// The output formats `candor audit --format` accepts, each backed by one reporter.
public enum ReportFormat: String, Sendable, CaseIterable {
    case terminal, json, markdown, html, checklist

    /// The reporter for this format; `colors` matters only to the terminal.
    public func reporter(colors: Bool) -> any Reporter {
        switch self {
        case .terminal: TerminalReporter(colors: colors)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .checklist: ChecklistReporter()
        }
    }
}

extension DocumentReport {
    /// Findings grouped by category, in category order, for reports that read by topic.
    var findingsByCategory: [(Category, [Finding])] {
        Category.allCases.compactMap { category in
            let matched = findings.filter { $0.category == category }
            return matched.isEmpty ? nil : (category, matched)
        }
    }
}
