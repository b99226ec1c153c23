/// Elements with pathological numbers of attributes, blanked before libxml2 reads them: its parser
/// slows quadratically with the attributes of one element (80,000 took 50 s). Attributes carry no
/// prose, so an element's attributes past the limit are replaced by spaces in the copy the parser
/// reads, byte for byte, and every offset into the page stays what it was.
enum HTMLAttributeLimit {
    static let maximumAttributes = 1_000

    /// The page with every element's attributes past the limit blanked, and a warning for each such
    /// element (nil when nothing was blanked, the usual case, and the page is used as it is).
    static func blanking(_ page: [UInt8]) -> (page: [UInt8], warnings: [String])? {
        var copy: [UInt8]?
        var warnings: [String] = []
        var index = 0
        var line = 1
        while index < page.count {
            let byte = page[index]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<"), index + 1 < page.count, isLetter(page[index + 1]) else {
                index += 1
                continue
            }
            let tagLine = line
            var attributes = 0
            var quote: UInt8?
            var afterSpace = false
            index += 1
            while index < page.count {
                let current = page[index]
                if current == 0x0A { line += 1 }
                if let open = quote {
                    if current == open { quote = nil }
                } else if current == UInt8(ascii: ">") {
                    break
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    quote = current
                } else if isSpace(current) {
                    afterSpace = true
                } else {
                    if afterSpace && current != UInt8(ascii: "/") && current != UInt8(ascii: "=") { attributes += 1 }
                    afterSpace = false
                }
                if attributes > maximumAttributes, current != 0x0A {
                    if copy == nil { copy = page }
                    if attributes == maximumAttributes + 1 && copy![index] != 0x20 && warnings.count < 100 {
                        if warnings.last?.hasPrefix("line \(tagLine):") != true {
                            warnings.append(
                                "line \(tagLine): an element with more than \(maximumAttributes) attributes; the rest are ignored"
                            )
                        }
                    }
                    copy![index] = 0x20
                }
                index += 1
            }
        }
        return copy.map { ($0, warnings) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
