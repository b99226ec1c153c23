/// Walks the structure of a regular expression: every character outside escapes (`\(`) and
/// character classes (`[(|)]`), which are the only places where `(`, `)` and `|` mean grouping and
/// alternation. The readers that look at a pattern's shape (anchors, rule lint) share this walk.
enum PatternStructure {
    /// Calls `visit` with each structural character and its index, until it returns false.
    static func forEachStructural<Text: BidirectionalCollection>(
        in text: Text, _ visit: (Text.Index, Character) -> Bool
    ) where Text.Element == Character {
        var inClass = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
            } else if character == "[" {
                inClass = true
            } else if !visit(index, character) {
                return
            }
            index = text.index(after: index)
        }
    }
}
