/// Compiles a list of phrases into one prefix-factored regular expression.
///
/// Phrases that share a beginning share one branch ("may be", "may become" → `may\s+be(?:come)?`),
/// so PCRE2 tests each shared prefix once instead of once per phrase. Within a phrase, white space
/// matches any run of white space, an apostrophe matches ' or ’, and a hyphen matches any hyphen
/// character (list the spaced spelling too where it is common). The whole phrase must stand as words: no letter or digit may touch either end.
public struct PhraseTrie {
    private let root = TrieNode()

    public init(phrases: [String]) {
        for phrase in phrases { root.insert(Self.units(of: phrase), mark: 0) }
    }

    /// Regex fragments, one per character of the normalised phrase.
    static func units(of phrase: String) -> [String] {
        if let ascii = asciiUnits(of: phrase) { return ascii }
        let words = phrase.lowercased().split(whereSeparator: { $0.isWhitespace })
        var units: [String] = []
        for (index, word) in words.enumerated() {
            if index > 0 { units.append("\\s+") }
            for character in word { units.append(fragment(for: character)) }
        }
        return units
    }

    /// The same units for an ASCII phrase, byte by byte: start-up splits every phrase of every rule.
    private static func asciiUnits(of phrase: String) -> [String]? {
        let fragments = asciiFragments
        return asciiCharacters(of: phrase)?.map { $0 == 0x20 ? "\\s+" : fragments[Int($0)] }
    }

    /// An ASCII phrase as its units read it: lower-cased, each run of white space between words one
    /// space, none at either end; nil for a phrase beyond ASCII. The walker reads phrases through
    /// this too, so that its units are these to the byte.
    static func asciiCharacters(of phrase: String) -> [UInt8]? {
        guard phrase.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var characters: [UInt8] = []
        var pendingSpace = false
        for byte in phrase.utf8 {
            if CharacterKinds.isASCIISpace(byte) {
                pendingSpace = !characters.isEmpty
                continue
            }
            if pendingSpace { characters.append(0x20) }
            pendingSpace = false
            characters.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return characters
    }

    /// The unit of each ASCII character, made once: telling each character of every phrase from
    /// the quotes, hyphens and special characters anew was most of the cost of splitting them.
    private static let asciiFragments: [String] = (0..<UInt8(0x80)).map { fragment(for: Character(Unicode.Scalar($0))) }

    private static func fragment(for character: Character) -> String {
        switch character {
        case "'", "’": return "['’]"
        case "-", "‐", "‑": return "[-‐‑]"
        default:
            return special.contains(character) ? "\\" + String(character) : String(character)
        }
    }

    /// Characters with a meaning in a pattern, escaped in a phrase. A set test, made once: a substring
    /// search through Foundation for each character was a tenth of start-up.
    private static let special: Set<Character> = [
        "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "#",
    ]

    /// The regular expression; an empty list yields a pattern that never matches.
    public var pattern: String {
        var body = ""
        Self.emit(root, into: &body)
        return body.isEmpty ? "(*FAIL)" : "(?<![\\w])(?:\(body))(?![\\w])"
    }

    /// Appends the node's branches in one buffer: building each subtree's string and copying it into
    /// its parent's made start-up quadratic in the depth of the trie.
    private static func emit(_ node: TrieNode, into pattern: inout String) {
        let units = node.children.keys.sorted()
        if units.isEmpty { return }
        let optional = !node.marks.isEmpty
        let grouped = units.count > 1 || optional
        if grouped { pattern += "(?:" }
        for (index, unit) in units.enumerated() {
            if index > 0 { pattern += "|" }
            pattern += unit
            if let child = node.children[unit] { emit(child, into: &pattern) }
        }
        if grouped { pattern += ")" }
        if optional { pattern += "?" }
    }
}
