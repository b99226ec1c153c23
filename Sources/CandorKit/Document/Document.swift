/// One article ready to audit: the bytes from disk, the prose to analyse, and the maps between them.
///
/// Three layers: `source` (the file), `decoded` (the whole file as valid UTF-8) and `text` (the prose
/// a format reader extracted). `textMap` leads from prose to decoded offsets and `decodedMap` from
/// decoded offsets to the file's bytes, so every finding points into the file the user opened.
public struct Document: Sendable {
    public let path: String
    public let format: DocumentFormat
    public let encoding: SourceEncoding
    /// The file exactly as read; every reported byte offset points into these bytes.
    public let source: [UInt8]
    public let decoded: [UInt8]
    public let decodedMap: OffsetMap
    /// The prose rules match against, as valid UTF-8.
    public let text: [UInt8]
    public let textMap: OffsetMap
    /// Line starts of the decoded file, for lines and columns.
    public let lines: LineTable
    /// Sentence ranges in `text`.
    public let sentences: [Range<Int>]
    public let wordCount: Int
    /// Direct quotations attributed to a speaker, as ranges in `text`.
    public let attributedQuotations: [Range<Int>]
    /// Ranges of `text` that are not prose, where only link signals may match.
    public let nonProse: [Range<Int>]
    public let headings: [Range<Int>]
    public let metadata: [MetadataField]
    public let directives: [SuppressionDirective]
    /// Problems found while reading, such as replaced invalid bytes.
    public let diagnostics: [Diagnostic]
    private let quotationIndex: RangeIndex
    private let nonProseIndex: RangeIndex

    /// Reads an article; the format comes from `format`, else the path's extension, else the content.
    public init(path: String, bytes: [UInt8], format: DocumentFormat? = nil) {
        let decoded = TextDecoder.decode(bytes)
        let format = format ?? DocumentFormat.from(path: path) ?? DocumentFormat.sniff(decoded.text)
        var extraction: Extraction
        switch format {
        case .text: extraction = Extraction.identity(decoded.text)
        case .markdown: extraction = MarkdownReader.read(decoded.text)
        case .html: extraction = HTMLReader.read(decoded.text)
        }
        extraction.directives = SuppressionDirective.scan(decoded.text)
        self.path = path
        self.format = format
        self.encoding = decoded.encoding
        self.source = bytes
        self.decoded = decoded.text
        self.decodedMap = decoded.map
        self.text = extraction.text
        self.textMap = extraction.map
        let analysis = Analysis(decoded: decoded.text, text: extraction.text)
        self.lines = analysis.lines
        self.sentences = analysis.sentences
        self.wordCount = analysis.wordCount
        self.attributedQuotations = analysis.quotations
        self.nonProse = (extraction.nonProse + analysis.addresses).sorted { $0.lowerBound < $1.lowerBound }
        self.quotationIndex = RangeIndex(attributedQuotations)
        self.nonProseIndex = RangeIndex(nonProse)
        self.headings = extraction.headings
        self.metadata = extraction.metadata
        self.directives = extraction.directives
        var diagnostics = extraction.diagnostics.map { Diagnostic(severity: .warning, message: "\(path): \($0)") }
        if decoded.replacements > 0, let offset = decoded.firstInvalidOffset {
            let line = lines.location(of: decoded.map.textOffset(forSource: offset)).line
            let message =
                "\(path):\(line): invalid \(decoded.encoding.rawValue); \(decoded.replacements) sequence(s) replaced with U+FFFD"
            diagnostics.insert(Diagnostic(severity: .warning, message: message), at: 0)
        }
        if extraction.text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            diagnostics.append(Diagnostic(severity: .warning, message: "\(path): no text to audit"))
        }
        self.diagnostics = diagnostics
    }

    /// The decoded-file range and the file's byte range behind a range of prose.
    public func locate(_ textRange: Range<Int>) -> (decoded: Range<Int>, source: Range<Int>) {
        let decodedRange = textMap.sourceRange(for: textRange)
        return (decodedRange, decodedMap.sourceRange(for: decodedRange))
    }

    /// The file's own text for a byte range, decoded in the file's encoding.
    public func sourceString(_ range: Range<Int>) -> String { encoding.string(source[range]) }

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
        quotationIndex.contains(range)
    }

    /// Whether `range` overlaps text that is not prose.
    public func touchesNonProse(_ range: Range<Int>) -> Bool {
        nonProseIndex.overlaps(range)
    }

    /// The analysed text of a range, as a string.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }
}
