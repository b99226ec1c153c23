/// What changed between two drafts of an article: the score, and the findings added and removed,
/// matched by fingerprint so that moved lines are not counted as changes.
public struct DraftComparison: Sendable, Encodable {
    public let old: Side
    public let new: Side
    public let scoreChange: Int
    public let added: [Finding]
    public let removed: [Finding]

    public struct Side: Sendable, Encodable {
        public let path: String
        public let score: Int
        public let grade: String
        public let findings: Int
    }

    public var regressed: Bool { scoreChange < 0 }

    public init(old: DocumentReport, new: DocumentReport) {
        self.old = Side(path: old.path, score: old.score, grade: old.grade, findings: old.findings.count)
        self.new = Side(path: new.path, score: new.score, grade: new.grade, findings: new.findings.count)
        scoreChange = new.score - old.score
        added = Self.unmatched(new.findings, against: old.findings)
        removed = Self.unmatched(old.findings, against: new.findings)
    }

    /// Findings of `side` with no counterpart (same rule and fingerprint) left in `other`.
    private static func unmatched(_ side: [Finding], against other: [Finding]) -> [Finding] {
        var available: [String: Int] = [:]
        for finding in other { available[finding.ruleId + finding.fingerprint, default: 0] += 1 }
        return side.filter { finding in
            let key = finding.ruleId + finding.fingerprint
            guard let count = available[key], count > 0 else { return true }
            available[key] = count - 1
            return false
        }
    }

    enum CodingKeys: String, CodingKey { case old, new, scoreChange, added, removed }

    /// The comparison for people, as terminal text or Markdown.
    public func render(markdown: Bool) -> String {
        let sign = scoreChange > 0 ? "+" : ""
        var out = markdown ? "# Draft comparison\n\n" : ""
        out += "\(old.path) → \(new.path)\n"
        out += "score \(old.score) → \(new.score) (\(sign)\(scoreChange)), grade \(old.grade) → \(new.grade)\n"
        for (title, list, mark) in [("Added", added, "+"), ("Removed", removed, "-")] {
            out += markdown ? "\n## \(title) (\(list.count))\n\n" : "\n\(title) (\(list.count)):\n"
            for finding in list {
                let text = finding.text.isEmpty ? finding.message : "“\(finding.text)”"
                out +=
                    markdown
                    ? "- `\(finding.ruleId)` line \(finding.line): \(text)\n"
                    : "  \(mark) \(finding.line):\(finding.column) \(finding.ruleId) \(text)\n"
            }
        }
        return out
    }
}
