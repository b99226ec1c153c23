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
        let words = phrase.lowercased().split(whereSeparator: { $0.isWhitespace })
        var units: [String] = []
        for (index, word) in words.enumerated() {
            if index > 0 { units.append("\\s+") }
            for character in word { units.append(fragment(for: character)) }
        }
        return units
    }

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
        let body = Self.emit(root)
        return body.isEmpty ? "(*FAIL)" : "(?<![\\w])(?:\(body))(?![\\w])"
    }

    private static func emit(_ node: TrieNode) -> String {
        let branches = node.children.keys.sorted().map { unit in unit + emit(node.children[unit]!) }
        if branches.isEmpty { return "" }
        let alternation = branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        guard !node.marks.isEmpty else { return alternation }
        return branches.count == 1 ? "(?:\(alternation))?" : alternation + "?"
    }
}
