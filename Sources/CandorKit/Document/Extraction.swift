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
        /// The address of a link in the article's markup (an `href`, a Markdown link target), which
        /// readers follow but the prose does not show.
        case link
    }

    /// Whether an address (lower-cased) reads as a place to sign up, buy or download rather than a source: such
    /// links are not citations.
    static func isCallToAction(_ lowered: String) -> Bool {
        [
            "signup", "sign-up", "register", "/join", "subscribe", "/shop", "/store", "/buy", "checkout", "/cart",
            "presale", "/claim", "download", "affiliate", "?ref=", "&ref=", "utm_", "/go/", "/out/",
        ]
        .contains { lowered.contains($0) }
    }

    /// A web address (http or https) worth reading as a link signal.
    static func isCitation(_ address: String) -> Bool {
        let lowered = address.lowercased()
        return (lowered.hasPrefix("http://") || lowered.hasPrefix("https://")) && !isCallToAction(lowered)
    }

    public let key: Key
    public let value: String
    /// Where the value stands in the decoded file.
    public let range: Range<Int>
}
