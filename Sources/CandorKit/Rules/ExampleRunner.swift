/// Checks rules against their own examples: each `flag` example must produce the rule's finding on
/// the span marked «like this», and each `pass` example must produce none.
///
/// Span rules run alone so that an example tests its own rule; document rules run with the whole
/// ruleset because they read the other rules' findings and signals.
public struct ExampleRunner: Sendable {
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public let ruleId: String
        public let example: String
        public let problem: String

        public var description: String { "\(ruleId): \(problem): \(example)" }
    }

    public let ruleset: Ruleset

    public init(ruleset: Ruleset) { self.ruleset = ruleset }

    /// Every failing example of every rule, in ruleset order.
    public func run() -> [Failure] { ruleset.rules.flatMap(check) }

    public func check(_ rule: Rule) -> [Failure] {
        let auditor = Auditor(ruleset: rule.isDocumentLevel ? ruleset : Ruleset(rules: [rule]))
        var failures: [Failure] = []
        for example in rule.examples.flag {
            let (text, expected) = Self.parseMarkers(example)
            let found = auditor.audit(Document(path: "example", bytes: Array(text.utf8))).allFindings
                .filter { $0.ruleId == rule.id }
            if found.isEmpty {
                failures.append(Failure(ruleId: rule.id, example: example, problem: "flag example not flagged"))
            } else if let expected, !found.contains(where: { $0.byteStart..<$0.byteEnd == expected }) {
                let got = found.map { "«\($0.text)»" }.joined(separator: ", ")
                failures.append(Failure(ruleId: rule.id, example: example, problem: "flagged \(got) instead"))
            }
        }
        for example in rule.examples.pass {
            let found = auditor.audit(Document(path: "example", bytes: Array(example.utf8))).allFindings
                .filter { $0.ruleId == rule.id }
            if let first = found.first {
                failures.append(
                    Failure(ruleId: rule.id, example: example, problem: "pass example flagged «\(first.text)»"))
            }
        }
        return failures
    }

    /// Removes the first «…» pair and returns the text with the marked byte range, if any.
    public static func parseMarkers(_ example: String) -> (String, Range<Int>?) {
        guard let open = example.range(of: "«"),
            let close = example.range(of: "»", range: open.upperBound..<example.endIndex)
        else { return (example, nil) }
        let before = String(example[..<open.lowerBound])
        let marked = String(example[open.upperBound..<close.lowerBound])
        let after = String(example[close.upperBound...])
        let start = before.utf8.count
        return (before + marked + after, start..<(start + marked.utf8.count))
    }
}

extension DocumentReport {
    /// Findings and signals together, for callers that look for one rule's output.
    public var allFindings: [Finding] { findings + signals }
}
