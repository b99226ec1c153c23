enum MarkdownReader {
    static func read(_ decoded: [UInt8]) -> Extraction { Extraction.identity(decoded) }
}
