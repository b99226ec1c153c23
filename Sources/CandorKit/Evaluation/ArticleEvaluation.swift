import Foundation

/// Whole articles against hand labels, in the layout of an `answers.json` beside an `articles/`
/// folder: must-flag spans by category and transparency signal, traps that must not be flagged,
/// where the sponsorship disclosure sits, and the rank group each article should fall in.
public enum ArticleEvaluation {
    /// One article's labels as `answers.json` gives them.
    struct Answer: Decodable {
        let file: String
        let expectedRankGroup: Int
        let disclosure: String
        let mustFlag: [Label]
        let mustNotFlag: [Trap]

        enum CodingKeys: String, CodingKey {
            case file, disclosure
            case expectedRankGroup = "expected_rank_group"
            case mustFlag = "must_flag"
            case mustNotFlag = "must_not_flag"
        }
    }

    struct Label: Decodable {
        let text: String
        let category: String
        let signal: String?
    }

    struct Trap: Decodable {
        let text: String
        let notCategory: String
        let reason: String

        enum CodingKeys: String, CodingKey {
            case text, reason
            case notCategory = "not_category"
        }
    }

    /// A labelled span that no finding of its category (or signal of its kind) overlapped.
    public struct Miss: Sendable {
        public let file: String
        public let text: String
        public let label: String
    }

    /// A trap that a finding of the forbidden category overlapped, with the rules that did it.
    public struct Violation: Sendable {
        public let file: String
        public let text: String
        public let category: String
        public let rules: [String]
        public let reason: String
    }

    public struct ArticleScore: Sendable {
        public let file: String
        public let score: Int
        public let expectedRankGroup: Int
        public let expectedDisclosure: String
        public let foundDisclosure: String
    }

    public struct Result: Sendable {
        /// By category, and by signal kind (`signal:KIND`): spans found and spans labelled.
        public var recall: [String: (found: Int, total: Int)] = [:]
        public var misses: [Miss] = []
        public var traps = 0
        public var violations: [Violation] = []
        public var articles: [ArticleScore] = []
        /// Spearman's rank correlation between the score and the expected rank group, reversed.
        public var spearman = 0.0

        /// Spans found and labelled over every category (signal kinds are counted within theirs).
        public var overall: (found: Int, total: Int) {
            recall.filter { !$0.key.hasPrefix("signal:") }.values.reduce((0, 0)) { ($0.0 + $1.found, $0.1 + $1.total) }
        }

        public var overallRecall: Double {
            overall.total == 0 ? 0 : Double(overall.found) / Double(overall.total)
        }
    }

    /// The labels' signal kinds that Candor files under another name.
    static let signalNames: [String: Signal] = [
        "citation": .link, "author-expertise": .expertise,
    ]

    /// `half` limits the run to one fixed half of the articles: the 1st, 3rd, 5th... or the rest.
    public static func run(directory: String, auditor: Auditor, half: DevHalf? = nil) throws -> Result {
        let answersPath = directory + "/answers.json"
        guard case .success(let data) = FileReader.contents(of: answersPath) else {
            throw EvaluationError(path: answersPath, line: 1, message: "cannot read the answers file")
        }
        let answers: [Answer]
        do {
            answers = try JSONDecoder().decode([Answer].self, from: data)
        } catch {
            throw EvaluationError(path: answersPath, line: 1, message: "not an answers list: \(error)")
        }
        var result = Result()
        for (place, answer) in answers.enumerated() where half?.holdsRow(place) ?? true {
            let path = directory + "/" + answer.file
            guard case .success(let contents) = FileReader.contents(of: path) else {
                throw EvaluationError(path: path, line: 1, message: "cannot read the article")
            }
            let bytes = [UInt8](contents)
            let report = auditor.audit(Document(path: path, bytes: bytes))
            try grade(answer, report: report, bytes: bytes, path: path, into: &result)
        }
        result.spearman = Ranking.spearman(
            result.articles.map { Double($0.score) }, result.articles.map { -Double($0.expectedRankGroup) })
        return result
    }

    private static func grade(
        _ answer: Answer, report: DocumentReport, bytes: [UInt8], path: String, into result: inout Result
    ) throws {
        // Span findings, and signals read from markup and metadata (a link's address, a byline in
        // the page head), which stand where their source does.
        let evidence = report.findings.filter { $0.scope == .span } + report.signals
        func overlapping(_ text: String) throws -> [Finding] {
            // The labels are exact substrings of the file, searched as its UTF-8 bytes.
            guard let range = bytes.firstRange(of: Array(text.utf8), from: 0) else {
                throw EvaluationError(path: path, line: 1, message: "labelled text not found: \(text)")
            }
            return evidence.filter { $0.byteStart < range.upperBound && range.lowerBound < $0.byteEnd }
        }
        for label in answer.mustFlag {
            let hits = try overlapping(label.text).filter { $0.stands(for: label.category) }
            let found = !hits.isEmpty
            result.recall[label.category, default: (0, 0)].found += found ? 1 : 0
            result.recall[label.category, default: (0, 0)].total += 1
            if !found { result.misses.append(Miss(file: answer.file, text: label.text, label: label.category)) }
            guard let kind = label.signal else { continue }
            let wanted = signalNames[kind] ?? Signal(rawValue: kind)
            let kindFound = hits.contains { wanted != nil && $0.signal == wanted }
            result.recall["signal:" + kind, default: (0, 0)].found += kindFound ? 1 : 0
            result.recall["signal:" + kind, default: (0, 0)].total += 1
            if found && !kindFound {
                result.misses.append(Miss(file: answer.file, text: label.text, label: "signal:" + kind))
            }
        }
        for trap in answer.mustNotFlag {
            result.traps += 1
            let rules = try overlapping(trap.text).filter { $0.stands(for: trap.notCategory) }.map(\.ruleLabel)
            if !rules.isEmpty {
                result.violations.append(
                    Violation(
                        file: answer.file, text: trap.text, category: trap.notCategory, rules: rules,
                        reason: trap.reason))
            }
        }
        result.articles.append(
            ArticleScore(
                file: answer.file, score: report.score, expectedRankGroup: answer.expectedRankGroup,
                expectedDisclosure: answer.disclosure, foundDisclosure: disclosurePlacement(report)))
    }

    /// Candor's verdict in the labels' terms: a disclosure reported as buried, one at the top, the
    /// promotion reported as undisclosed, or none of these.
    static func disclosurePlacement(_ report: DocumentReport) -> String {
        let checks = Set(report.findings.map(\.ruleId))
        if checks.contains("sponsorship.buried-disclosure") { return "buried" }
        if checks.contains("sponsorship.missing-disclosure") { return "none" }
        return report.signals.contains { $0.signal?.countsAs == .disclosure } ? "top" : "n/a"
    }
}
