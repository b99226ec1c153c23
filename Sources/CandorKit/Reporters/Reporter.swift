/// Renders an audit report in one output format. Reporters are pure: the same report gives the same text.
public protocol Reporter: Sendable {
    func render(_ report: AuditReport) -> String
    /// Hands the rendered report to `sink` in pieces. The default renders it whole; a reporter whose
    /// output grows with the article (JSON) writes as it goes, so a large report is never held whole.
    func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws
}

extension Reporter {
    public func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var text = render(report)
        try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }
}

/// A text report made a string at a time: rendered whole by collecting the strings, or written in
/// pieces as it is made, so the report of a large article (tens of thousands of findings) is never
/// held whole on its way to a file.
protocol PieceByPieceReporter: Reporter {
    func emit(_ report: AuditReport, _ out: (String) -> Void)
}

extension PieceByPieceReporter {
    public func render(_ report: AuditReport) -> String {
        var out = ""
        emit(report) { out += $0 }
        return out
    }

    public func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try ReportPieces.write(to: sink) { emit(report, $0) }
    }
}

/// Gathers a text report made a string at a time into pieces of about a megabyte for a sink; after
/// the sink's first error nothing more is handed over, and the error reaches the caller.
enum ReportPieces {
    static func write(
        to sink: (UnsafeRawBufferPointer) throws -> Void, _ emit: ((String) -> Void) -> Void
    ) throws {
        try withoutActuallyEscaping(sink) { sink in
            var piece = ""
            var failure: (any Error)?
            func handOver() {
                guard failure == nil, !piece.isEmpty else { return }
                do {
                    try piece.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
                } catch {
                    failure = error
                }
                piece = ""
            }
            emit { text in
                piece += text
                if piece.utf8.count >= 1 << 20 { handOver() }
            }
            handOver()
            if let failure { throw failure }
        }
    }
}

/// What some reporters need beyond the report itself, injected so reporters stay pure.
public struct ReportContext: Sendable {
    public var colors = false
    /// The rules in force, for formats that describe them (SARIF).
    public var rules: [Rule] = []
    /// The score a checklist measures against.
    public var target = 70
    /// Gate results, for formats that report pass and fail per document (JUnit).
    public var gates: Gates.Outcome?

    public init(colors: Bool = false, rules: [Rule] = [], target: Int = 70, gates: Gates.Outcome? = nil) {
        self.colors = colors
        self.rules = rules
        self.target = target
        self.gates = gates
    }
}

/// The output formats `candor audit --format` and `--report` accept, each backed by one reporter.
public enum ReportFormat: String, Sendable, CaseIterable {
    case terminal, json, markdown, html, checklist, sarif, junit, github

    public func reporter(_ context: ReportContext) -> any Reporter {
        switch self {
        case .terminal: TerminalReporter(colors: context.colors)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .checklist: ChecklistReporter(target: context.target)
        case .sarif: SARIFReporter(rules: context.rules)
        case .junit: JUnitReporter(gates: context.gates)
        case .github: GitHubReporter()
        }
    }

    /// The reporter with no context beyond colour, for callers that need nothing more.
    public func reporter(colors: Bool) -> any Reporter { reporter(ReportContext(colors: colors)) }
}

extension DocumentReport {
    /// How many findings a category holds, for reports that read by topic: counted in place, since
    /// a large article's findings copied out by category would be held twice.
    func findingCount(in category: Category) -> Int {
        findings.reduce(0) { $0 + ($1.category == category ? 1 : 0) }
    }
}
