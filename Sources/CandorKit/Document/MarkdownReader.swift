import Yams

/// Reads Markdown by masking what is not prose with spaces, byte for byte, so that every offset in
/// the prose is also the offset in the file: front matter (read as metadata), fenced and indented
/// code, inline code, HTML comments and tags, link targets, images and the markup characters of
/// headings, lists, quotes and emphasis. Link and emphasis text stays, as the reader sees it.
enum MarkdownReader {
    static func read(_ decoded: [UInt8]) -> Extraction {
        var masker = MarkdownMasker(decoded)
        var extraction = Extraction(text: decoded, map: .identity(length: decoded.count))
        let bodyStart = masker.maskFrontMatter()
        if bodyStart > 0 {
            extraction.metadata = FrontMatter.metadata(in: decoded, range: frontMatterBody(decoded, end: bodyStart))
        }
        masker.maskBlocks(from: bodyStart)
        masker.maskInline()
        extraction.text = masker.text
        extraction.headings = masker.headings
        extraction.metadata += masker.links.map { MetadataField(key: .link, value: $0.address, range: $0.range) }
        return extraction
    }

    /// The YAML between the opening and closing fence lines.
    private static func frontMatterBody(_ decoded: [UInt8], end: Int) -> Range<Int> {
        let start = (decoded.firstIndex(of: 0x0A) ?? 0) + 1
        var close = end - 1
        while close > start, decoded[close - 1] != 0x0A { close -= 1 }
        return start..<max(start, close)
    }
}

/// Reads author, date and sponsorship from YAML front matter, locating each value in the file.
enum FrontMatter {
    static let keys: [String: MetadataField.Key] = [
        "author": .author, "authors": .author, "by": .author, "writer": .author, "byline": .author,
        "date": .published, "published": .published, "publishdate": .published, "pubdate": .published,
        "published_at": .published, "datepublished": .published,
        "sponsored": .sponsored, "sponsor": .sponsored, "paid": .sponsored,
        "disclosure": .disclosure, "disclaimer": .disclosure,
    ]

    static func metadata(in decoded: [UInt8], range: Range<Int>) -> [MetadataField] {
        let yaml = String(decoding: decoded[range], as: UTF8.self)
        guard let root = try? Yams.compose(yaml: yaml), let mapping = root.mapping else { return [] }
        let lines = LineTable(bytes: Array(decoded[range]))
        var fields: [MetadataField] = []
        for (key, value) in mapping {
            guard let name = key.string?.lowercased(), let field = keys[name] else { continue }
            let text = value.string ?? value.sequence?.compactMap(\.string).joined(separator: ", ") ?? ""
            let mark = value.mark ?? key.mark
            let start =
                mark.map { range.lowerBound + lines.offset(line: $0.line, column: $0.column) } ?? range.lowerBound
            let lineEnd = decoded[start..<range.upperBound].firstIndex(of: 0x0A) ?? range.upperBound
            fields.append(MetadataField(key: field, value: text, range: start..<max(start, lineEnd)))
        }
        return fields
    }
}
