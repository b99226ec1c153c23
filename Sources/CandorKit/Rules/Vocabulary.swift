/// Named word classes that rules refer to as `{name}` in patterns and phrase lists: defined once in a
/// pack's `vocabulary.yml`, extended by later packs, and expanded when a rule is compiled, so a
/// class costs nothing at match time beyond the words it stands for.
public struct Vocabulary: Sendable {
    /// One class: its words (or phrases) in the order they were given, and where it was defined.
    public struct WordClass: Sendable {
        public let name: String
        public let summary: String
        public internal(set) var words: [String]
        public let file: String
        public let line: Int
    }

    public private(set) var classes: [String: WordClass] = [:]

    public init() {}

    /// A phrase list may expand to at most this many phrases: past it, a pattern with a gap says the
    /// same thing at a fraction of the size.
    static let phraseLimit = 20_000

    public func wordClass(_ name: String) -> WordClass? { classes[name] }

    /// Adds a class, each word once (the first time it is given).
    mutating func define(_ wordClass: WordClass) {
        var seen = Set<String>()
        var unique = wordClass
        unique.words = wordClass.words.filter { seen.insert($0).inserted }
        classes[wordClass.name] = unique
    }

    mutating func extend(_ name: String, with words: [String]) {
        for word in words where !(classes[name]?.words.contains(word) ?? true) { classes[name]?.words.append(word) }
    }

    /// What a class reference looks like: a brace, a lower-case kebab-case name, a brace. Counted
    /// repetitions (`{2}`, `{0,3}`) begin with a digit, so the two never meet.
    static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        (0x61...0x7A).contains(byte) || (!first && (byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte)))
    }

    /// `pattern` with every `{name}` outside escapes and character classes replaced by a group of the
    /// class's words, longest first; and the names it used. An unknown name is an error.
    public func expand(pattern: String) throws(VocabularyError) -> (pattern: String, used: [String]) {
        let references = Self.references(in: pattern)
        guard !references.isEmpty else { return (pattern, []) }
        var result = ""
        var used: [String] = []
        var copied = pattern.startIndex
        for (range, name) in references {
            guard let wordClass = classes[name] else {
                throw VocabularyError.unknown(name, known: classes.keys.sorted())
            }
            result += pattern[copied..<range.lowerBound]
            result += Self.group(of: wordClass.words)
            copied = range.upperBound
            if !used.contains(name) { used.append(name) }
        }
        result += pattern[copied...]
        return (result, used)
    }

    /// The class references in a pattern: their ranges and names, in order.
    static func references(in pattern: String) -> [(Range<String.Index>, String)] {
        var found: [(Range<String.Index>, String)] = []
        let utf8 = pattern.utf8
        PatternStructure.forEachStructural(in: pattern[...]) { index, byte in
            guard byte == UInt8(ascii: "{") else { return true }
            var end = utf8.index(after: index)
            var first = true
            while end < utf8.endIndex, isNameByte(utf8[end], first: first) {
                end = utf8.index(after: end)
                first = false
            }
            if !first, end < utf8.endIndex, utf8[end] == UInt8(ascii: "}") {
                let name = String(pattern[utf8.index(after: index)..<end])
                found.append((index..<utf8.index(after: end), name))
            }
            return true
        }
        return found
    }

    /// A non-capturing group matching any of `words`, written as phrases are (white space matches any
    /// run of it, an apostrophe either apostrophe, a hyphen any hyphen) but in the case given, for
    /// rules that match case; longest first so that the group prefers the fullest word where several fit.
    static func group(of words: [String]) -> String {
        let alternatives = words.map { word in
            word.split(whereSeparator: \.isWhitespace).map { $0.map(PhraseTrie.fragment(for:)).joined() }
                .joined(separator: "\\s+")
        }
        let ordered = alternatives.enumerated().sorted { lhs, rhs in
            lhs.element.utf8.count != rhs.element.utf8.count
                ? lhs.element.utf8.count > rhs.element.utf8.count : lhs.offset < rhs.offset
        }
        return "(?:" + ordered.map(\.element).joined(separator: "|") + ")"
    }

    /// A phrase list with its class references expanded: each `{name}` stands for any of the
    /// class's words, and `{name}?` for any of them or nothing. The phrases join the shared pass's
    /// trie like any other.
    public func expand(phrases: [String]) throws(VocabularyError) -> (phrases: [String], used: [String]) {
        var expanded: [String] = []
        var used: [String] = []
        for phrase in phrases {
            var partial = [""]
            for token in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                var choices = [String(token)]
                if let (name, optional) = Self.classToken(token) {
                    guard let wordClass = classes[name] else {
                        throw VocabularyError.unknown(name, known: classes.keys.sorted())
                    }
                    if !used.contains(name) { used.append(name) }
                    choices = wordClass.words + (optional ? [""] : [])
                }
                partial = partial.flatMap { start in
                    choices.map { choice in
                        choice.isEmpty ? start : start.isEmpty ? choice : start + " " + choice
                    }
                }
                guard expanded.count + partial.count <= Self.phraseLimit else {
                    throw VocabularyError.tooManyPhrases(limit: Self.phraseLimit)
                }
            }
            expanded += partial.filter { !$0.isEmpty }
        }
        return (expanded, used)
    }

    /// `{name}` or `{name}?` standing alone as a token of a phrase.
    static func classToken(_ token: Substring) -> (name: String, optional: Bool)? {
        let optional = token.hasSuffix("}?")
        let body = optional ? token.dropLast() : token
        guard body.count > 2, body.first == "{", body.last == "}" else { return nil }
        let name = body.dropFirst().dropLast()
        var first = true
        for byte in name.utf8 {
            guard isNameByte(byte, first: first) else { return nil }
            first = false
        }
        return (String(name), optional)
    }
}

/// Why a class reference could not be expanded.
public enum VocabularyError: Error, Sendable {
    case unknown(String, known: [String])
    case tooManyPhrases(limit: Int)

    public var message: String {
        switch self {
        case .unknown(let name, let known):
            let list = known.isEmpty ? "none are defined" : "known: " + known.joined(separator: ", ")
            return "unknown word class '{\(name)}' (\(list))"
        case .tooManyPhrases(let limit):
            return "the phrase list expands to more than \(limit) phrases; use a pattern with the classes instead"
        }
    }
}
