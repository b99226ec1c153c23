import Foundation
import PCRE2Kit

/// Decides which parts of an HTML page are article text and keeps each piece's place in the file.
///
/// Scripts, styles, navigation, asides, forms and elements marked as banners, cookie notices, share
/// widgets or hidden are dropped; headers and footers are dropped unless they sit inside the article.
/// When the page has an `<article>` or `<main>`, only its text is kept. Block elements end sentences.
final class HTMLTextCollector {
    private struct Open {
        let name: String
        let skips: Bool
        let isArticle: Bool
        let jsonLD: Bool
    }

    private struct Piece {
        var text: [UInt8]
        var sourceStart: Int
        var sourceLength: Int
        var inArticle: Bool
        var headingStart: Bool = false
        var headingEnd: Bool = false
    }

    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "nav", "aside", "form",
        "button", "select", "option", "textarea", "canvas", "video", "audio", "map", "head", "title", "dialog",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr",
        "address", "caption", "tbody", "thead", "body", "html",
    ]
    /// Words in an id, class or role that mark page furniture rather than article text.
    static let furnitureWords = [
        "cookie", "consent", "gdpr", "banner", "share", "sharing", "social", "newsletter", "subscribe", "related",
        "recommend", "breadcrumb", "menu", "navbar", "sidebar", "advert", "ad-slot", "adslot", "promo", "comments",
        "popup", "modal", "masthead", "site-header", "site-footer", "navigation", "complementary", "contentinfo",
    ]

    /// One pattern for every furniture word, matched as a whole word in ids, classes and roles.
    static let furniture = try! Regex(
        "(?<![a-z])(?:" + furnitureWords.map { $0.replacingOccurrences(of: "-", with: "\\-") }.joined(separator: "|")
            + ")(?![a-z])")
    private let matcher = Matcher.forCurrentThread()
    private let source: [UInt8]
    private var stack: [Open] = []
    private var pieces: [Piece] = []
    private var consumed = 0
    private var jsonLD: [UInt8] = []
    private var jsonLDStart = 0
    private(set) var metadata: [MetadataField] = []
    private var sponsoredLinks = 0
    private var firstSponsoredLink: Range<Int>?

    init(source: [UInt8]) { self.source = source }

    /// How many open elements are articles; kept as a count so deep pages stay linear.
    private var openArticles = 0
    private var skipping: Bool { stack.last?.skips ?? false }
    private var inArticle: Bool { openArticles > 0 }

    func start(_ rawName: String, _ attributes: [String: String], _ position: Int) {
        let name = rawName.lowercased()
        let tag = tagRange(endingAt: position)
        readMetadata(name, attributes, tag)
        let article =
            name == "article" || name == "main" || attributes["role"] == "main"
            || attributes["itemprop"] == "articleBody"
        let skips = skipping || isFurniture(name, attributes, insideArticle: inArticle || article)
        let isJSONLD = name == "script" && attributes["type"]?.lowercased() == "application/ld+json"
        if isJSONLD {
            jsonLD = []
            jsonLDStart = position
        }
        stack.append(Open(name: name, skips: skips, isArticle: article, jsonLD: isJSONLD))
        if article { openArticles += 1 }
        if Self.blockElements.contains(name) { breakLine(at: position) }
        if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
            pieces.append(
                Piece(text: [], sourceStart: position, sourceLength: 0, inArticle: inArticle, headingStart: true))
        }
        consumed = max(consumed, position)
    }

    func end(_ rawName: String, _ position: Int) {
        let name = rawName.lowercased()
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        let closing = stack[index]
        if closing.jsonLD { readJSONLD() }
        if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
            pieces.append(
                Piece(text: [], sourceStart: position, sourceLength: 0, inArticle: inArticle, headingEnd: true))
        }
        openArticles -= stack[index...].filter(\.isArticle).count
        stack.removeSubrange(index...)
        if Self.blockElements.contains(name) { breakLine(at: position) }
        consumed = max(consumed, position)
    }

    func characters(_ bytes: [UInt8], endingAt end: Int) {
        defer { consumed = max(consumed, end) }
        if stack.last?.jsonLD == true {
            jsonLD += bytes
            return
        }
        guard !skipping, !bytes.isEmpty else { return }
        pieces.append(locate(bytes, endingAt: end))
    }

    /// Where `bytes` stand in the file: exactly, when the file holds them just before `end`; else
    /// (an entity such as `&amp;`, a normalised line end) the whole stretch read since the last piece.
    private func locate(_ bytes: [UInt8], endingAt end: Int) -> Piece {
        let start = end - bytes.count
        if start >= 0, end <= source.count, source[start..<end].elementsEqual(bytes) {
            return Piece(text: bytes, sourceStart: start, sourceLength: bytes.count, inArticle: inArticle)
        }
        let from = min(consumed, end)
        if let found = Array(source[from..<min(end, source.count)]).firstRange(of: bytes, from: 0) {
            return Piece(
                text: bytes, sourceStart: from + found.lowerBound, sourceLength: bytes.count, inArticle: inArticle)
        }
        return Piece(text: bytes, sourceStart: from, sourceLength: max(0, end - from), inArticle: inArticle)
    }

    private func breakLine(at position: Int) {
        guard let last = pieces.last, last.text.last != 0x0A else { return }
        pieces.append(Piece(text: [0x0A], sourceStart: position, sourceLength: 0, inArticle: inArticle))
    }

    private func isFurniture(_ name: String, _ attributes: [String: String], insideArticle: Bool) -> Bool {
        if Self.skippedElements.contains(name) { return true }
        if (name == "header" || name == "footer") && !insideArticle { return true }
        if attributes["hidden"] != nil || attributes["aria-hidden"]?.lowercased() == "true" { return true }
        var described = [attributes["id"], attributes["class"], attributes["role"]].compactMap { $0?.lowercased() }
            .joined(separator: " ")
        guard !described.isEmpty else { return false }
        return described.withUTF8 { buffer in (try? matcher.firstMatch(of: Self.furniture, in: buffer, from: 0)) != nil
        }
    }

    /// The `<tag ...>` that ends at `position`, for locating metadata in the file.
    private func tagRange(endingAt position: Int) -> Range<Int> {
        var start = min(position, source.count)
        while start > 0, source[start - 1] != 0x3C { start -= 1 }
        let end = position < source.count && source[position] == 0x3E ? position + 1 : min(position, source.count)
        return max(0, start - 1)..<end
    }

    private func readMetadata(_ name: String, _ attributes: [String: String], _ tag: Range<Int>) {
        if name == "meta", let content = attributes["content"] {
            let key = (attributes["name"] ?? attributes["property"] ?? attributes["itemprop"] ?? "").lowercased()
            let fields: [String: MetadataField.Key] = [
                "author": .author, "article:author": .author, "dc.creator": .author, "byl": .author,
                "article:published_time": .published, "date": .published, "dc.date": .published,
                "dcterms.date": .published, "datepublished": .published, "pubdate": .published,
            ]
            if let field = fields[key] { metadata.append(MetadataField(key: field, value: content, range: tag)) }
        }
        let rel = attributes["rel"]?.lowercased().split(separator: " ") ?? []
        if name == "a", rel.contains("sponsored") {
            sponsoredLinks += 1
            if firstSponsoredLink == nil { firstSponsoredLink = tag }
        } else if name == "a", inArticle, !skipping, let address = attributes["href"], MetadataField.isCitation(address)
        {
            metadata.append(MetadataField(key: .link, value: address, range: tag))
        }
    }

    private func readJSONLD() {
        let range = jsonLDStart..<max(jsonLDStart, consumed)
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonLD)) else { return }
        let items = (object as? [[String: Any]]) ?? [(object as? [String: Any]) ?? [:]]
        for item in items + items.compactMap({ $0["@graph"] as? [[String: Any]] }).flatMap({ $0 }) {
            if let author = Self.name(of: item["author"]) {
                metadata.append(MetadataField(key: .author, value: author, range: range))
            }
            if let date = item["datePublished"] as? String {
                metadata.append(MetadataField(key: .published, value: date, range: range))
            }
        }
    }

    private static func name(of value: Any?) -> String? {
        if let text = value as? String { return text }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let list = value as? [Any] { return list.compactMap { name(of: $0) }.first }
        return nil
    }

    /// The collected prose and its map; only article text when the page marks an article.
    func finish() -> Extraction {
        let keepArticleOnly = pieces.contains { $0.inArticle && !$0.text.allSatisfy { $0 == 0x0A || $0 == 0x20 } }
        var extraction = Extraction(text: [], map: OffsetMap())
        var headingStart: Int?
        for piece in pieces where !keepArticleOnly || piece.inArticle {
            if piece.headingStart { headingStart = extraction.text.count }
            if piece.headingEnd, let start = headingStart {
                extraction.headings.append(start..<extraction.text.count)
                headingStart = nil
            }
            if piece.text == [0x0A], extraction.text.last == 0x0A || extraction.text.isEmpty { continue }
            guard !piece.text.isEmpty else { continue }
            extraction.text += piece.text
            extraction.map.append(
                textLength: piece.text.count, sourceStart: piece.sourceStart, sourceLength: piece.sourceLength)
        }
        extraction.metadata = metadata
        if sponsoredLinks > 0, let link = firstSponsoredLink {
            extraction.metadata.append(MetadataField(key: .sponsoredLinks, value: String(sponsoredLinks), range: link))
        }
        return extraction
    }
}
