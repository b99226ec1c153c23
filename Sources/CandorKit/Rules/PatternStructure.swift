/// Walks the structure of a regular expression: every character outside escapes (`\(`) and
/// character classes (`[(|)]`), which are the only places where `(`, `)` and `|` mean grouping and
/// alternation. The readers that look at a pattern's shape (anchors, rule lint) share this walk.
enum PatternStructure {
    /// Calls `visit` with each ASCII structural character and its index, until it returns false.
    /// Only ASCII characters have a structural meaning, and PCRE2 reads a pattern by code point, so
    /// the walk steps over bytes: stepping by `Character` was most of the time spent reading rules'
    /// shapes at start-up. An escape takes the backslash and the whole code point after it.
    static func forEachStructural(in text: Substring, _ visit: (Substring.Index, UInt8) -> Bool) {
        let utf8 = text.utf8
        var inClass = false
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") {
                index = utf8.index(after: index)
                if index < utf8.endIndex { index = utf8.index(after: index) }
                // A code point beyond ASCII continues for as many bytes as follow its lead byte.
                while index < utf8.endIndex, utf8[index] & 0xC0 == 0x80 { index = utf8.index(after: index) }
                continue
            }
            if inClass {
                if byte == UInt8(ascii: "]") { inClass = false }
            } else if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte < 0x80, !visit(index, byte) {
                return
            }
            index = utf8.index(after: index)
        }
    }
}
