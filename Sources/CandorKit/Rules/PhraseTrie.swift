/// Compiles a list of phrases into one prefix-factored regular expression.
///
/// Phrases that share a beginning share one branch ("may be", "may become" → `may\s+be(?:come)?`),
/// so PCRE2 tests each shared prefix once instead of once per phrase. Within a phrase, white space
/// matches any run of white space, an apostrophe matches ' or ’, and a hyphen matches any hyphen
/// character (list the spaced spelling too where it is common). The whole phrase must stand as words: no letter or digit may touch either end.
public struct PhraseTrie {
    /// Every unit the phrases use, in the order their branches are written (by the unit's text).
    private let units: [String]
    /// Each phrase as the places of its units in `units`, the phrases in that order: phrases with a
    /// common beginning sit together, each shorter one before those it begins, so each group is a
    /// node of the trie. Sorting numbered units takes the place of a trie of objects, each with its
    /// own dictionary: building, walking and freeing those cost twice as much.
    private let phrases: [[Int]]

    public init(phrases: [String]) {
        let split = phrases.map(Self.units(of:))
        units = Set(split.joined()).sorted()
        let place = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        self.phrases = split.map { $0.map { place[$0]! } }.sorted { $0.lexicographicallyPrecedes($1) }
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

    static func fragment(for character: Character) -> String {
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
        emit(0..<phrases.count, depth: 0, into: &body)
        return body.isEmpty ? "(*FAIL)" : "(?<![\\w])(?:\(body))(?![\\w])"
    }

    /// Appends the branches of the node that the phrases in `group` reach after `depth` units, all in
    /// one buffer: building each subtree's string and copying it into its parent's made start-up
    /// quadratic in the depth of the trie. Phrases ending here come first and make the rest optional.
    private func emit(_ group: Range<Int>, depth: Int, into pattern: inout String) {
        var start = group.lowerBound
        while start < group.upperBound, phrases[start].count == depth { start += 1 }
        if start == group.upperBound { return }
        let optional = start > group.lowerBound
        let grouped = phrases[start][depth] != phrases[group.upperBound - 1][depth] || optional
        if grouped { pattern += "(?:" }
        var first = true
        while start < group.upperBound {
            let unit = phrases[start][depth]
            var end = start + 1
            while end < group.upperBound, phrases[end][depth] == unit { end += 1 }
            if !first { pattern += "|" }
            first = false
            pattern += units[unit]
            emit(start..<end, depth: depth + 1, into: &pattern)
            start = end
        }
        if grouped { pattern += ")" }
        if optional { pattern += "?" }
    }
}
