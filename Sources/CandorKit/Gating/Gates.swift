/// Gates decide the exit code, independently of what is reported: a score floor, a severity at or
/// above which any finding fails, and a ceiling on the number of findings. Findings a baseline
/// recorded never count.
public struct Gates: Sendable, Equatable {
    public var failUnder: Int?
    public var failOn: Severity?
    public var maxFindings: Int?

    public init(failUnder: Int? = nil, failOn: Severity? = nil, maxFindings: Int? = nil) {
        self.failUnder = failUnder
        self.failOn = failOn
        self.maxFindings = maxFindings
    }

    public var isEmpty: Bool { failUnder == nil && failOn == nil && maxFindings == nil }

    /// What failed, per document and for the run as a whole.
    public struct Outcome: Sendable {
        public var documentFailures: [String: [String]] = [:]
        public var runFailures: [String] = []
        public var failed: Bool { !documentFailures.isEmpty || !runFailures.isEmpty }

        /// One line for standard error.
        public var summary: String {
            var parts = runFailures
            if !documentFailures.isEmpty {
                let worst = documentFailures.sorted { $0.key < $1.key }.first!
                parts.append(
                    "\(documentFailures.count) document(s) failed (first: \(worst.key): \(worst.value.joined(separator: "; ")))"
                )
            }
            return "gate failed: " + parts.joined(separator: "; ")
        }
    }

    /// With `perDocument`, each document's score floor and severity come from the gates it gives
    /// (the document's own configuration); the ceiling on findings is always the run's.
    /// With `baselineScores`, a document the baseline scored fails the floor only when it also scores
    /// below that: a team adopting Candor is held to not getting worse.
    public func evaluate(
        _ documents: [DocumentReport], baselineScores: [String: Int]? = nil,
        perDocument: ((DocumentReport) -> Gates)? = nil
    ) -> Outcome {
        var outcome = Outcome()
        var counted = 0
        for document in documents {
            let own = perDocument?(document) ?? self
            let (failUnder, failOn) = (own.failUnder, own.failOn)
            // Lazily: a large document's findings are not copied to be counted.
            let live = document.findings.lazy.filter { $0.baseline != true }
            counted += live.count
            var reasons: [String] = []
            if let failUnder, document.score < failUnder {
                if let before = baselineScores?[document.path] {
                    if document.score < before {
                        reasons.append("score \(document.score) below \(failUnder) and below its baseline \(before)")
                    }
                } else {
                    reasons.append("score \(document.score) below \(failUnder)")
                }
            }
            if let failOn {
                let severe = live.filter { $0.severity >= failOn }.count
                if severe > 0 { reasons.append("\(severe) finding(s) at or above \(failOn.rawValue)") }
            }
            if !reasons.isEmpty { outcome.documentFailures[document.path] = reasons }
        }
        if let maxFindings, counted > maxFindings {
            outcome.runFailures.append("\(counted) findings exceed the maximum of \(maxFindings)")
        }
        return outcome
    }
}
