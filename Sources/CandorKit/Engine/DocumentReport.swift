/// Everything Candor says about one document; its coding keys are the JSON contract.
public struct DocumentReport: Sendable, Codable {
    public let path: String
    public let format: DocumentFormat
    public let wordCount: Int
    public let score: Int
    public let grade: String
    public let base: Int
    public let breakdown: [BreakdownLine]
    public var findings: [Finding]
    public let signals: [Finding]
    public let diagnostics: [Diagnostic]
    /// How many findings suppression comments silenced.
    public var suppressed: Int = 0
    /// The UTF-8 text reports show (the file for text and Markdown, the extracted prose for HTML), each
    /// finding's `displayRange` pointing into it; not part of the JSON contract. It shares the
    /// document's storage rather than copying it.
    public var displayBytes: [UInt8] = []

    enum CodingKeys: String, CodingKey {
        case path, format, wordCount, score, grade, base, breakdown, findings, signals, diagnostics, suppressed
    }
}
