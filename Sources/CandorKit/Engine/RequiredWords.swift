/// Finds words of which every match of a pattern must contain one, at the start of a word: a rule
/// whose words occur nowhere in a document cannot match there, and its own scan is skipped.
///
/// The pattern is read as a sequence of items (literal letters, escapes, classes, groups with their
/// quantifiers). A run of literal letters that begins a word, or a group every alternative of which
/// requires such words, is a candidate; the rarest-looking candidate of each top-level alternative is
/// kept. Any shape not understood makes the alternative, and so the rule, yield nil: never skipped.
enum RequiredWords {
    static func words(for pattern: String) -> [String]? {
        analysis(of: pattern)?.words
    }

    /// The required words, and the most runs of white space a match can hold before the one it
    /// holds (see `SpaceRuns`): what lies between a match's start and that word is matched by the
    /// items up to the one that requires it, whatever follows (nil if unbounded or not understood).
    /// Nil without required words.
    static func analysis(of pattern: String) -> (words: [String], spaceRuns: Int?)? {
        var parser = Parser(text: Array(pattern))
        guard let alternatives = parser.parseAlternatives(), parser.isAtEnd else { return nil }
        var all = Set<String>()
        var most: Int? = 0
        for sequence in alternatives {
            guard let (best, item) = required(in: sequence, atWordStart: false).bestWithItem else { return nil }
            all.formUnion(best)
            let runs = SpaceRuns.most(inSequence: Array(sequence[...item]))
            most = most.flatMap { most in runs.map { max(most, $0) } }
        }
        return all.isEmpty ? nil : (all.sorted(), most)
    }

    // MARK: Items

    indirect enum Item {
        /// Literal letters, lowercased.
        case letters(String)
        /// Consumes white space or punctuation: the next letter starts a word.
        case separator(Spacing)
        /// One literal ASCII character that is no letter, digit or space (`:`, `\[`): a separator too,
        /// kept by name for `ScanGate`.
        case punctuation(UInt8)
        /// Matches no characters and leaves the position as it was (lookaround, inline options, `^`).
        /// A lookahead's words are not counted: searching near them was measured slower than a scan.
        case zeroWidth
        /// `\b`: what follows starts a word if it is a letter.
        case boundary
        /// Anything else that consumes characters (`\w`, `.`, a class, `\d`).
        case other(Spacing)
        case group([[Item]])
        /// An item repeated between `min` and `max` (nil: unbounded) times.
        case repeated(Item, min: Int, max: Int?)
    }

    struct Candidates {
        var sets: [Set<String>] = []
        /// The place in the sequence of the item each set comes from.
        var items: [Int] = []
        /// Whether the position after the sequence is always the start of a word.
        var endsAtWordStart: Bool

        /// The set most likely to be rare: no common word, the shortest word as long as possible.
        var best: Set<String>? { bestWithItem?.set }

        /// That set and the place of the item it comes from.
        var bestWithItem: (set: Set<String>, item: Int)? {
            zip(sets, items).filter { set, _ in set.allSatisfy(RequiredWords.isRare) }
                .max { lhs, rhs in
                    let (left, right) = (lhs.0.map(\.count).min() ?? 0, rhs.0.map(\.count).min() ?? 0)
                    return left != right ? left < right : lhs.0.count > rhs.0.count
                }
                .map { (set: $0.0, item: $0.1) }
        }
    }

    /// Whether a word begins few enough words to search for: three letters or more and not among the
    /// commonest words, or two consonants that begin no English word ("MP", not "th" or "st").
    static func isRare(_ word: String) -> Bool {
        if word.count >= 3 { return !AnchorDeriver.tooCommon.contains(word) }
        return word.count == 2 && !word.contains(where: "aeiouy".contains) && !consonantOnsets.contains(word)
    }

    /// Pairs of consonants that begin English words.
    private static let consonantOnsets: Set<String> = [
        "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kl", "kn", "kr", "ph", "pl",
        "pn", "pr", "ps", "pt", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "th", "tr", "ts",
        "tw", "vl", "wh", "wr", "zh",
    ]

    static func required(in sequence: [Item], atWordStart start: Bool) -> Candidates {
        var atWordStart = start
        var sets: [Set<String>] = []
        var items: [Int] = []
        for (place, item) in sequence.enumerated() {
            let (itemSets, end) = analyse(item, atWordStart: atWordStart)
            sets += itemSets
            items += Array(repeating: place, count: itemSets.count)
            atWordStart = end
        }
        return Candidates(sets: sets, items: items, endsAtWordStart: atWordStart)
    }

    /// Whether a word starts after `item`, given whether one starts before it.
    static func wordStarts(after item: Item, atWordStart: Bool) -> Bool {
        analyse(item, atWordStart: atWordStart).1
    }

    /// The candidate sets an item contributes, and whether a word starts after it.
    private static func analyse(_ item: Item, atWordStart: Bool) -> ([Set<String>], Bool) {
        switch item {
        case .letters(let word):
            return (atWordStart ? [[word]] : [], false)
        case .separator, .punctuation, .boundary:
            return ([], true)
        case .zeroWidth:
            return ([], atWordStart)
        case .other:
            return ([], false)
        case .group(let alternatives):
            var union = Set<String>()
            var complete = true
            var endsAtWordStart = true
            for alternative in alternatives {
                let inner = required(in: alternative, atWordStart: atWordStart)
                endsAtWordStart = endsAtWordStart && inner.endsAtWordStart
                if let best = inner.best { union.formUnion(best) } else { complete = false }
            }
            return (complete && !union.isEmpty ? [union] : [], endsAtWordStart)
        case .repeated(let inner, let min, let max):
            let (sets, end) = analyse(inner, atWordStart: atWordStart)
            // A second pass starts where the first ended; its words are no more required than the first's.
            let again = max == 1 ? end : end && analyse(inner, atWordStart: end).1
            if min == 0 { return ([], atWordStart && again) }
            return (sets, again)
        }
    }

    // MARK: Parsing

    struct Parser {
        let text: [Character]
        var index = 0
        var isAtEnd: Bool { index >= text.count }

        mutating func parseAlternatives() -> [[Item]]? {
            var alternatives: [[Item]] = []
            var sequence: [Item] = []
            while index < text.count {
                let character = text[index]
                if character == ")" { break }
                if character == "|" {
                    index += 1
                    alternatives.append(sequence)
                    sequence = []
                    continue
                }
                guard let item = parseAtom() else { return nil }
                guard let quantified = parseQuantifier(after: item) else { return nil }
                // A quantifier on a run of letters applies to its last letter only.
                if case .repeated(.letters(let word), let min, let max) = quantified, word.count > 1 {
                    sequence.append(.letters(String(word.dropLast())))
                    sequence.append(.repeated(.other(.never), min: min, max: max))
                } else {
                    sequence.append(quantified)
                }
            }
            alternatives.append(sequence)
            return alternatives
        }

        private mutating func parseAtom() -> Item? {
            let character = text[index]
            switch character {
            case "\\": return parseEscape()
            case "(": return parseGroup()
            case "[": return parseClass()
            case "^":
                index += 1
                return .boundary
            case "$":
                index += 1
                return .zeroWidth
            case ".":
                index += 1
                return .other(.sometimes)
            case "*", "+", "?", "{": return nil
            default:
                if character.isLetter && character.isASCII {
                    var word = ""
                    while index < text.count, text[index].isLetter, text[index].isASCII {
                        word.append(text[index])
                        index += 1
                    }
                    return .letters(word.lowercased())
                }
                index += 1
                if character.isLetter || character.isNumber { return .other(.never) }
                return Self.separator(character)
            }
        }

        /// A literal character that is no letter or digit: punctuation when it is ASCII and no space.
        private static func separator(_ character: Character) -> Item {
            let spacing = Spacing.of(character)
            guard spacing == .never, let byte = character.asciiValue else { return .separator(spacing) }
            return .punctuation(byte)
        }

        private mutating func parseEscape() -> Item? {
            guard index + 1 < text.count else { return nil }
            let code = text[index + 1]
            index += 2
            switch code {
            case "b": return .boundary
            case "B", "A", "z", "Z", "G", "K": return .zeroWidth
            case "s", "h", "v", "R", "n", "t", "r": return .separator(.only)
            case "p", "P":
                let name = parsePropertyName()
                return .other(code == "p" && Spacing.spacelessCategories.contains(name) ? .never : .sometimes)
            case "x", "o", "c", "Q", "E", "N", "X", "g", "k": return nil
            case "d", "w", "S": return .other(.never)
            case "f": return .other(.only)
            default:
                // A back reference can repeat any stretch of text; other letters (`\W`, `\D`, `\H`, `\C`)
                // may match a space among other characters.
                if code.isNumber { return .other(.unbounded) }
                if code.isLetter { return .other(.sometimes) }
                return Self.separator(code)
            }
        }

        private mutating func parseClass() -> Item? {
            let start = index
            index += 1
            if index < text.count, text[index] == "^" { index += 1 }
            if index < text.count, text[index] == "]" { index += 1 }
            while index < text.count, text[index] != "]" {
                if text[index] == "\\" { index += 1 }
                if text[index] == "[", index + 1 < text.count, text[index + 1] == ":" {
                    while index + 1 < text.count, !(text[index] == ":" && text[index + 1] == "]") { index += 1 }
                    index += 1
                }
                index += 1
            }
            guard index < text.count else { return nil }
            index += 1
            let body = String(text[(start + 1)..<(index - 1)])
            // A class of spaces and punctuation only (`[ \t]`, `[,;:]`) ends a word like a space does.
            let separators = Set(" \\t-,.;:!?\"'’“”()–—")
            let spacing = Spacing.ofClass(Array(body))
            return !body.hasPrefix("^") && body.allSatisfy(separators.contains) ? .separator(spacing) : .other(spacing)
        }

        /// The name after `\p` or `\P`: in braces, or one letter.
        mutating func parsePropertyName() -> String {
            guard index < text.count else { return "" }
            guard text[index] == "{" else {
                index += 1
                return String(text[index - 1])
            }
            let start = index + 1
            while index < text.count, text[index] != "}" { index += 1 }
            index += 1
            return String(text[start..<min(index - 1, text.count)])
        }

        private mutating func parseGroup() -> Item? {
            index += 1
            if index < text.count, text[index] == "*" { return nil }
            var lookaround = false
            if index < text.count, text[index] == "?" {
                index += 1
                guard index < text.count else { return nil }
                switch text[index] {
                case ":": index += 1
                case "=", "!":
                    index += 1
                    lookaround = true
                case "<" where index + 1 < text.count && "=!".contains(text[index + 1]):
                    index += 2
                    lookaround = true
                case "<", "P", "'":
                    while index < text.count, text[index] != ">", text[index] != "'" { index += 1 }
                    index += 1
                default:
                    // Inline options: `(?i)` changes no position; `(?i:` opens a group. Extended mode
                    // (`x`) gives spaces another meaning, so such patterns are not read at all.
                    while index < text.count, text[index].isLetter || text[index] == "-" {
                        if text[index] == "x" { return nil }
                        index += 1
                    }
                    guard index < text.count else { return nil }
                    if text[index] == ")" {
                        index += 1
                        return .zeroWidth
                    }
                    guard text[index] == ":" else { return nil }
                    index += 1
                }
            }
            guard let alternatives = parseAlternatives(), index < text.count, text[index] == ")" else { return nil }
            index += 1
            return lookaround ? .zeroWidth : .group(alternatives)
        }

        private mutating func parseQuantifier(after item: Item) -> Item? {
            guard index < text.count else { return item }
            var bounds: (Int, Int?)
            switch text[index] {
            case "?": bounds = (0, 1)
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "{":
                guard let close = text[index...].firstIndex(of: "}") else { return nil }
                let parts = String(text[(index + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
                guard let low = Int(parts.first ?? ""), parts.count <= 2 else { return nil }
                bounds = (low, parts.count == 1 ? low : Int(parts[1]))
                index = close
            default: return item
            }
            index += 1
            if index < text.count, "?+".contains(text[index]) { index += 1 }
            if case .zeroWidth = item { return .zeroWidth }
            return .repeated(item, min: bounds.0, max: bounds.1)
        }
    }
}
