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

/// Where a report streamed in pieces goes: the sink, and its first error, after which nothing more
/// is handed over; `finish` passes the error on. Pieces are about a megabyte.
struct PieceSink {
    static let pieceSize = 1 << 20
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private var failure: (any Error)?

    init(_ sink: @escaping (UnsafeRawBufferPointer) throws -> Void) { self.sink = sink }

    mutating func handOver(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        do {
            try sink(bytes)
        } catch {
            failure = error
        }
    }

    func finish() throws { if let failure { throw failure } }
}

/// Gathers a text report made a string at a time into pieces for a sink.
enum ReportPieces {
    static func write(
        to sink: (UnsafeRawBufferPointer) throws -> Void, _ emit: ((String) -> Void) -> Void
    ) throws {
        try withoutActuallyEscaping(sink) { sink in
            var pieces = PieceSink(sink)
            var piece = ""
            func handOver() {
                piece.withUTF8 { pieces.handOver(UnsafeRawBufferPointer($0)) }
                piece = ""
            }
            emit { text in
                piece += text
                if piece.utf8.count >= PieceSink.pieceSize { handOver() }
            }
            handOver()
            try pieces.finish()
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
    /// Gate results: every format says which documents failed a gate, and why.
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
        case .terminal: TerminalReporter(colors: context.colors, gates: context.gates)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter(gates: context.gates)
        case .html: HTMLReporter()
        case .checklist: ChecklistReporter(target: context.target)
        case .sarif: SARIFReporter(rules: context.rules, gates: context.gates)
        case .junit: JUnitReporter(gates: context.gates)
        case .github: GitHubReporter(gates: context.gates)
        }
    }

    /// The reporter with no context beyond colour, for callers that need nothing more.
    public func reporter(colors: Bool) -> any Reporter { reporter(ReportContext(colors: colors)) }
}

extension Gates.Outcome {
    /// Why a document failed its gates, in one line; nil when it passed.
    func failure(of document: DocumentReport) -> String? {
        documentFailures[document.path].map { $0.joined(separator: "; ") }
    }
}

extension DocumentReport {
    /// How many findings a category holds, for reports that read by topic: counted in place, since
    /// a large article's findings copied out by category would be held twice.
    func findingCount(in category: Category) -> Int {
        findings.reduce(0) { $0 + ($1.category == category ? 1 : 0) }
    }
}
