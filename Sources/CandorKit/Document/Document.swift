/// One article ready to audit: the bytes from disk, the analysed text, and the tables that relate them.
public struct Document: Sendable {
    public let path: String
    public let format: DocumentFormat
    /// The file exactly as read; every reported offset points into these bytes.
    public let source: [UInt8]
    /// Valid UTF-8 that rules match against.
    public let text: [UInt8]
    public let offsetMap: OffsetMap
    public let lines: LineTable
    /// Sentence ranges in `text`.
    public let sentences: [Range<Int>]
    public let wordCount: Int
    /// Direct quotations attributed to a speaker, as ranges in `text`.
    public let attributedQuotations: [Range<Int>]
    /// Ranges that are not prose (web addresses), where only link signals may match.
    public let nonProse: [Range<Int>]
    /// Problems found while reading, such as replaced invalid bytes.
    public let diagnostics: [Diagnostic]

    /// Reads a plain-text article, decoding UTF-8 once and replacing invalid bytes.
    public init(path: String, bytes: [UInt8], format: DocumentFormat = .text) {
        let decoded = TextDecoder.decodeUTF8(bytes)
        self.path = path
        self.format = format
        self.source = bytes
        self.text = decoded.text
        self.offsetMap = decoded.map
        self.lines = LineTable(bytes: bytes)
        self.sentences = SentenceSplitter.split(decoded.text)
        self.wordCount = WordCounter.count(decoded.text)
        self.attributedQuotations = QuotationFinder.attributedQuotations(in: decoded.text)
        self.nonProse = URLFinder.ranges(in: decoded.text)
        var diagnostics: [Diagnostic] = []
        if decoded.replacements > 0, let offset = decoded.firstInvalidOffset {
            let line = lines.location(of: offset).line
            diagnostics.append(
                Diagnostic(
                    severity: .warning,
                    message:
                        "\(path):\(line): invalid UTF-8; \(decoded.replacements) byte sequence(s) replaced with U+FFFD")
            )
        }
        self.diagnostics = diagnostics
    }

    /// The index of the sentence holding the analysed offset, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid]
            if offset < range.lowerBound {
                high = mid - 1
            } else if offset >= range.upperBound {
                low = mid + 1
            } else {
                return mid
            }
        }
        return nil
    }

    /// Whether `range` lies wholly inside an attributed quotation.
    public func isInsideAttributedQuotation(_ range: Range<Int>) -> Bool {
        attributedQuotations.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
    }

    /// Whether `range` overlaps text that is not prose.
    public func touchesNonProse(_ range: Range<Int>) -> Bool {
        nonProse.contains { $0.overlaps(range) }
    }

    /// The analysed text of a range, as a string.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }
}
