/// What a format reader makes of a decoded file: the prose to audit and where it came from.
public struct Extraction: Sendable {
    /// The prose, as valid UTF-8; markup, code and metadata are masked or left out.
    public var text: [UInt8]
    /// Maps `text` offsets to offsets in the decoded file.
    public var map: OffsetMap
    /// Ranges of `text` that are not prose (addresses, code) where only link signals may match.
    public var nonProse: [Range<Int>] = []
    /// Ranges of `text` that are headings.
    public var headings: [Range<Int>] = []
    /// Metadata read from front matter or HTML head, located in the decoded file.
    public var metadata: [MetadataField] = []
    /// Suppression comments found in the file.
    public var directives: [SuppressionDirective] = []
    public var diagnostics: [String] = []

    /// Prose that is the decoded file itself.
    static func identity(_ decoded: [UInt8]) -> Extraction {
        Extraction(text: decoded, map: .identity(length: decoded.count))
    }
}

/// One piece of document metadata, such as the author named in front matter.
public struct MetadataField: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable, Codable {
        case author, published, sponsored, disclosure
        case sponsoredLinks = "sponsored-links"
    }

    public let key: Key
    public let value: String
    /// Where the value stands in the decoded file.
    public let range: Range<Int>
}
