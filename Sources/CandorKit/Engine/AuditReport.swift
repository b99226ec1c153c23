/// The result of one `candor audit` run: the JSON contract's top level.
public struct AuditReport: Sendable, Codable {
    public struct Tool: Sendable, Codable {
        public let name: String
        public let version: String
    }

    /// Totals across the run.
    public struct Summary: Sendable, Codable {
        public let documents: Int
        public let findings: Int
        public let signals: Int
        public let meanScore: Double?
        public let medianScore: Double?
        public let minScore: Int?
        public let maxScore: Int?
        public let errors: Int
    }

    public var version = 1
    public let tool: Tool
    public let documents: [DocumentReport]
    public let summary: Summary

    public init(documents: [DocumentReport], errors: Int, toolVersion: String = CandorVersion.current) {
        self.tool = Tool(name: "candor", version: toolVersion)
        self.documents = documents
        let scores = documents.map(\.score).sorted()
        let middle = scores.count / 2
        let median: Double? =
            scores.isEmpty
            ? nil
            : scores.count % 2 == 1 ? Double(scores[middle]) : Double(scores[middle - 1] + scores[middle]) / 2
        self.summary = Summary(
            documents: documents.count,
            findings: documents.reduce(0) { $0 + $1.findings.count },
            signals: documents.reduce(0) { $0 + $1.signals.count },
            meanScore: scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count),
            medianScore: median, minScore: scores.first, maxScore: scores.last,
            errors: errors + documents.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count })
    }
}

/// The version Candor reports about itself.
public enum CandorVersion {
    public static let current = "0.1.0"
}
