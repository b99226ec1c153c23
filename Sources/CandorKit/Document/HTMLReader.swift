/// Placeholder replaced by the libxml2 reader.
enum HTMLReader {
    static func read(_ decoded: [UInt8]) -> Extraction { Extraction.identity(decoded) }
}
