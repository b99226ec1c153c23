import Foundation

/// Hedge and weasel detection on labelled sentences (`label<TAB>sentence`, `certain`/`uncertain`):
/// a sentence is predicted uncertain when a hedging or unsourced finding falls in it.
public struct SentenceEvaluation: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let uncertain: Bool
        public let sentence: String
    }

    public struct Outcome: Sendable {
        public var metrics = BinaryMetrics()
        public var falsePositives: [(row: Row, rules: [String])] = []
        public var falseNegatives: [Row] = []
        /// For each rule that fired: in how many sentences, and how many of them were labelled uncertain.
        public var ruleHits: [String: (fired: Int, uncertain: Int)] = [:]
    }

    public static let predictiveCategories: Set<Category> = [.hedging, .unsourced]

    /// Reads the TSV, skipping a `label<TAB>sentence` header; a malformed line is an error naming it.
    public static func readRows(path: String) throws -> [Row] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || (index == 0 && line.hasPrefix("label\t")) { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, parts[0] == "certain" || parts[0] == "uncertain" else {
                throw EvaluationError(path: path, line: index + 1, message: "expected 'certain|uncertain<TAB>sentence'")
            }
            let sentence = decodingEntities(String(parts[1]))
            rows.append(Row(line: index + 1, uncertain: parts[0] == "uncertain", sentence: sentence))
        }
        return rows
    }

    /// The CoNLL-2010 Wikipedia export keeps quotation marks as HTML entities (`&quot;`); decoding them
    /// lets quotations be recognised as quotations.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let entities = [
            ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"),
        ]
        return entities.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    public static func run(_ rows: [Row], auditor: Auditor) -> Outcome {
        var outcome = Outcome()
        for row in rows {
            let report = auditor.audit(Document(path: "sentence-\(row.line)", bytes: Array(row.sentence.utf8)))
            let rules = report.findings.filter { finding in
                finding.scope == .span && predictiveCategories.contains { finding.stands(for: $0.rawValue) }
            }.map(\.ruleId)
            let predicted = !rules.isEmpty
            for rule in Set(rules) {
                let hits = outcome.ruleHits[rule] ?? (0, 0)
                outcome.ruleHits[rule] = (hits.fired + 1, hits.uncertain + (row.uncertain ? 1 : 0))
            }
            outcome.metrics.record(predicted: predicted, actual: row.uncertain)
            if predicted && !row.uncertain { outcome.falsePositives.append((row, rules)) }
            if !predicted && row.uncertain { outcome.falseNegatives.append(row) }
        }
        return outcome
    }
}

/// A malformed evaluation file.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public var description: String { "\(path):\(line): \(message)" }
}
