/// The byte-level work of `MarkdownReader`: replaces non-prose bytes with spaces, keeping line breaks.
struct MarkdownMasker {
    private(set) var text: [UInt8]
    private(set) var headings: [Range<Int>] = []
    /// The web addresses of inline links, each with where it stands, read before it is masked.
    private(set) var links: [(address: String, range: Range<Int>)] = []
    /// Bytes already masked as code or comments, which inline rules must leave alone.
    private var protected: [Range<Int>] = []
    private var previousLine: Range<Int>?

    init(_ decoded: [UInt8]) { text = decoded }

    mutating func mask(_ range: Range<Int>) {
        for index in range where text[index] != 0x0A && text[index] != 0x0D { text[index] = 0x20 }
    }

    private func lineRanges(from start: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = start
        for index in start..<text.count where text[index] == 0x0A {
            ranges.append(lineStart..<index)
            lineStart = index + 1
        }
        if lineStart < text.count { ranges.append(lineStart..<text.count) }
        return ranges
    }

    private func line(_ range: Range<Int>) -> String {
        var end = range.upperBound
        if end > range.lowerBound, text[end - 1] == 0x0D { end -= 1 }
        return String(decoding: text[range.lowerBound..<end], as: UTF8.self)
    }

    /// Masks `---` front matter at the very start and returns where the body begins.
    mutating func maskFrontMatter() -> Int {
        let lines = lineRanges(from: 0)
        guard let first = lines.first, line(first) == "---" else { return 0 }
        for candidate in lines.dropFirst() where ["---", "..."].contains(line(candidate)) {
            let end = min(text.count, candidate.upperBound + 1)
            mask(0..<end)
            protected.append(0..<end)
            return end
        }
        return 0
    }

    /// Fenced and indented code, HTML comments, headings, block markers and reference definitions.
    mutating func maskBlocks(from start: Int) {
        var fence: String?
        var previousBlank = true
        for range in lineRanges(from: start) {
            let content = line(range)
            let trimmed = content.drop { $0 == " " }
            let indent = content.count - trimmed.count
            if let open = fence {
                mask(range)
                protected.append(range)
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first || $0 == " " }) { fence = nil }
                continue
            }
            if indent <= 3, let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                fence = String(trimmed.prefix { $0 == marker.first })
                mask(range)
                protected.append(range)
                continue
            }
            let isBlank = trimmed.isEmpty
            if !isBlank && previousBlank && (content.hasPrefix("    ") || content.hasPrefix("\t")) {
                mask(range)
                protected.append(range)
                continue
            }
            previousBlank = isBlank
            maskLineMarkup(range, content: content, indent: indent)
            previousLine = range
        }
        maskComments()
    }

    private mutating func maskLineMarkup(_ range: Range<Int>, content: String, indent: Int) {
        let trimmed = content.dropFirst(indent)
        let start = range.lowerBound + indent
        if let hashes = headingLevel(trimmed) {
            mask(start..<(start + hashes))
            headings.append((start + hashes)..<range.upperBound)
        } else if trimmed.count >= 3, trimmed.allSatisfy({ $0 == "=" || $0 == "-" || $0 == "*" || $0 == " " }) {
            // A setext underline makes the line above a heading; a lone rule is a thematic break.
            mask(range)
            if trimmed.first != "*", let above = previousLine, !line(above).allSatisfy({ $0 == " " }) {
                headings.append(above)
            }
        } else if trimmed.hasPrefix("[") && trimmed.contains("]:") {
            mask(range)
            protected.append(range)
        } else {
            var offset = start
            for marker in ["> ", ">", "- ", "* ", "+ "] where trimmed.hasPrefix(marker) {
                mask(offset..<(offset + marker.utf8.count))
                offset += marker.utf8.count
                break
            }
            let digits = trimmed.prefix { $0.isNumber }
            if !digits.isEmpty,
                trimmed.dropFirst(digits.count).hasPrefix(". ") || trimmed.dropFirst(digits.count).hasPrefix(") ")
            {
                mask(start..<(start + digits.utf8.count + 2))
            }
        }
    }

    private func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.count == hashes || line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private mutating func maskComments() {
        var index = 0
        while let open = text.firstRange(of: Array("<!--".utf8), from: index) {
            let close = text.firstRange(of: Array("-->".utf8), from: open.upperBound)?.upperBound ?? text.count
            mask(open.lowerBound..<close)
            protected.append(open.lowerBound..<close)
            index = close
        }
    }

    /// Inline code, images, link targets, autolinks, HTML tags and emphasis markers.
    mutating func maskInline() {
        // Protected ranges are walked in order with the scan, so each byte costs the same however
        // many code lines the file has.
        let sortedProtected = protected.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        var index = 0
        while index < text.count {
            while next < sortedProtected.count, sortedProtected[next].upperBound <= index { next += 1 }
            if next < sortedProtected.count, sortedProtected[next].contains(index) {
                index = sortedProtected[next].upperBound
                continue
            }
            switch text[index] {
            case 0x60: index = maskCodeSpan(at: index)
            case 0x21 where index + 1 < text.count && text[index + 1] == 0x5B: index = maskImage(at: index)
            case 0x5D where index + 1 < text.count && (text[index + 1] == 0x28 || text[index + 1] == 0x5B):
                index = maskLinkTarget(at: index)
            case 0x5B:
                text[index] = 0x20
                index += 1
            case 0x3C: index = maskTag(at: index)
            case 0x2A, 0x7E:
                text[index] = 0x20
                index += 1
            case 0x5F:
                let before = index == 0 ? 0x20 : text[index - 1]
                let after = index + 1 < text.count ? text[index + 1] : 0x20
                if !isWordByte(before) || !isWordByte(after) { text[index] = 0x20 }
                index += 1
            default: index += 1
            }
        }
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    private mutating func maskCodeSpan(at start: Int) -> Int {
        var ticks = 0
        while start + ticks < text.count, text[start + ticks] == 0x60 { ticks += 1 }
        let fence = [UInt8](repeating: 0x60, count: ticks)
        guard let close = text.firstRange(of: fence, from: start + ticks) else { return start + ticks }
        mask(start..<close.upperBound)
        return close.upperBound
    }

    private mutating func maskImage(at start: Int) -> Int {
        guard let close = text.firstRange(of: [0x5D], from: start), close.lowerBound + 1 < text.count,
            text[close.lowerBound + 1] == 0x28, let paren = text.firstRange(of: [0x29], from: close.lowerBound)
        else { return start + 1 }
        mask(start..<paren.upperBound)
        return paren.upperBound
    }

    private mutating func maskLinkTarget(at bracket: Int) -> Int {
        let closing: UInt8 = text[bracket + 1] == 0x28 ? 0x29 : 0x5D
        guard let end = text.firstRange(of: [closing], from: bracket + 2) else { return bracket + 1 }
        if closing == 0x29 {
            let target = bracket + 2..<end.lowerBound
            let address =
                String(decoding: text[target], as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
            if MetadataField.isCitation(address) { links.append((address, target)) }
        }
        mask(bracket..<end.upperBound)
        return end.upperBound
    }

    private mutating func maskTag(at start: Int) -> Int {
        guard start + 1 < text.count else { return start + 1 }
        let next = text[start + 1]
        let opensTag = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || next == 0x2F
        guard opensTag, let close = text.firstRange(of: [0x3E], from: start),
            !text[start..<close.lowerBound].contains(0x0A)
        else { return start + 1 }
        mask(start..<close.upperBound)
        return close.upperBound
    }
}
