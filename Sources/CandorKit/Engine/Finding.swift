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
    /// Up to a few words of the sentence on either side, for reports; not part of the contract.
    public var context: (before: String, after: String) = ("", "")

    enum CodingKeys: String, CodingKey {
        case ruleId, category, severity, scope, message, suggestion, text, line, column, endLine, endColumn
        case byteStart, byteEnd
    }

    /// Builds a finding for `rule` at an analysed-text range of `document`.
    public init(rule: Rule, scope: Scope, textRange: Range<Int>, in document: Document, message: String? = nil) {
        let bytes = document.offsetMap.sourceRange(for: textRange)
        let start = document.lines.location(of: bytes.lowerBound)
        let end = document.lines.location(of: bytes.upperBound)
        self.ruleId = rule.id
        self.category = rule.category
        self.severity = rule.severity
        self.scope = scope
        self.message = message ?? rule.message
        self.suggestion = rule.suggestion
        self.text = String(decoding: document.source[bytes], as: UTF8.self)
        self.line = start.line
        self.column = start.column
        self.endLine = end.line
        self.endColumn = end.column
        self.byteStart = bytes.lowerBound
        self.byteEnd = bytes.upperBound
        self.textRange = textRange
        self.weight = rule.weight
        self.signal = rule.signal
        self.context = document.context(around: textRange)
    }
}
