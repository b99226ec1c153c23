/// One thing a rule found, located in the file as read from disk. Its coding keys are a public contract.
public struct Finding: Sendable, Codable {
    public enum Scope: String, Sendable, Codable { case span, document }

    public let ruleId: String
    public let category: Category
    public let severity: Severity
    public let scope: Scope
    public let message: String
    public let suggestion: String
    /// The file's bytes at `byteStart..<byteEnd`, decoded as UTF-8.
    public let text: String
    public let line: Int
    public let column: Int
    public let endLine: Int
    public let endColumn: Int
    public let byteStart: Int
    public let byteEnd: Int

    /// The range in the analysed text, used for sentence context; not part of the contract.
    public var textRange: Range<Int> = 0..<0
    /// The rule's weight, used by scoring; not part of the contract.
    public var weight: Double = 0
    /// The evidence kind of a signal or disclosure; not part of the contract.
    public var signal: Signal?
    /// Where the finding stands in its report's `displayText`; not part of the contract.
    public var displayRange: Range<Int>?
    /// The rule's rationale, for reports that explain; not part of the contract.
    public var rationale: String = ""

    /// The rule id, with the rules it also stands for when there are any: for reports people read.
    public var ruleLabel: String {
        alsoMatched.isEmpty ? ruleId : ruleId + " (also " + alsoMatched.joined(separator: ", ") + ")"
    }

    /// Whether the finding stands for `category`: its own, or that of a rule it also matched (which
    /// was recognised there but not scored a second time). Rule ids begin with their category.
    public func stands(for category: String) -> Bool {
        self.category.rawValue == category || alsoMatched.contains { $0.hasPrefix(category + ".") }
    }

    /// Positive evidence or a disclosure statement, reported apart from findings.
    public var isSignal: Bool { category == .transparency || signal == .disclosure }

    /// Up to a few words of the sentence on either side, for reports; not part of the contract. Set
    /// when the finding is placed in its report, so findings dropped before then never pay for it.
    public var context: (before: String, after: String) = ("", "")
    /// Whether `textRange` locates the finding in the prose (metadata evidence has no such range).
    var hasProseRange = false

    /// Identifies the finding across edits elsewhere in the file: rule, normalised text and sentence.
    public var fingerprint: String = ""
    /// The rules that matched the same words in other categories (or at less length), and were not
    /// scored: a phrase is penalised once, by its most specific rule.
    public var alsoMatched: [String] = []
    /// Set when a baseline is in use: whether the baseline already recorded this finding.
    public var baseline: Bool?

    enum CodingKeys: String, CodingKey {
        case ruleId, category, severity, scope, message, suggestion, text, line, column, endLine, endColumn
        case byteStart, byteEnd, fingerprint, baseline, alsoMatched
    }

    /// Builds a finding for `rule` at an analysed-text range of `document`.
    public init(rule: Rule, scope: Scope, textRange: Range<Int>, in document: Document, message: String? = nil) {
        self.init(rule: rule, scope: scope, located: document.locate(textRange), in: document, message: message)
        self.textRange = textRange
        self.hasProseRange = true
    }

    /// Builds the finding of a span rule's match, located once already when it was matched.
    init(_ rule: Rule, _ match: SpanMatch, in document: Document) {
        self.init(
            rule: rule, scope: .span, located: (match.decoded, match.bytes), in: document, message: nil)
        self.textRange = match.range
        self.hasProseRange = true
    }

    /// Builds a finding at a range of the decoded file, for evidence outside the prose (metadata).
    public init(rule: Rule, decodedRange: Range<Int>, in document: Document) {
        let located = (decodedRange, document.decodedMap.sourceRange(for: decodedRange))
        self.init(rule: rule, scope: .document, located: located, in: document, message: nil)
    }

    private init(
        rule: Rule, scope: Scope, located: (decoded: Range<Int>, source: Range<Int>), in document: Document,
        message: String?
    ) {
        let (start, end) = document.lines.locations(of: located.decoded)
        self.ruleId = rule.id
        self.category = rule.category
        self.severity = rule.severity
        self.scope = scope
        self.message = message ?? rule.message
        self.suggestion = rule.suggestion
        self.text = document.sourceString(located.source)
        self.line = start.line
        self.column = start.column
        self.endLine = end.line
        self.endColumn = end.column
        self.byteStart = located.source.lowerBound
        self.byteEnd = located.source.upperBound
        self.weight = rule.weight
        self.signal = rule.signal
        self.rationale = rule.rationale
    }
}
