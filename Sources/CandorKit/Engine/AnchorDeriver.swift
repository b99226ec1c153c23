/// Finds the literal words a pattern's every match must begin with, so that a shared pass over the
/// text can tell where a pattern rule could possibly match before its own pattern runs.
///
/// Only plain shapes are understood: after zero-width items (`\b`, `^`, inline options,
/// lookbehinds, `[ \t]*`), each top-level alternative must start with a literal word or with a group
/// whose alternatives all do. Anything else yields nil and the rule simply scans the whole text.
enum AnchorDeriver {
    /// Words so common that anchoring on them would find candidates everywhere (as would any single
    /// letter, which the trie finds at the start of every word beginning with it).
    static let tooCommon: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "the", "an", "of", "to", "in", "it", "this", "that", "we",
        "you", "they", "he", "she", "and", "or", "for", "on", "with", "as", "at", "by", "has", "have", "had", "not",
        "its", "their", "his", "her", "our", "from", "but", "so", "if", "do", "does", "did", "will", "would", "can",
    ]

    static func anchors(for pattern: String) -> [String]? {
        guard let words = leadingWords(for: pattern), words.allSatisfy({ !tooCommon.contains($0) }) else { return nil }
        return words
    }

    /// The words every match begins with (past any optional words `matchesStartAtAnchors` looks at),
    /// common or not; nil if the pattern's shape is not understood.
    static func leadingWords(for pattern: String) -> [String]? {
        var all: [String] = []
        for branch in split(Substring(pattern), on: "|") {
            let stripped = skippingOptionalWords(stripZeroWidth(branch))
            guard beginsAtWordStart(branch), let found = branchAnchors(stripped) else { return nil }
            all += found
        }
        guard !all.isEmpty else { return nil }
        return Array(Set(all)).sorted()
    }

    /// Every word a match can begin with, counting the optional words `skippingOptionalWords` looks
    /// past (`\b(?:(?:some|many)\s+)?experts` begins at "some", "many" or "experts"), common or not;
    /// nil unless every branch has that shape. A match begins at one of them or in the white space
    /// just before it.
    static func startWords(for pattern: String) -> [String]? {
        var all: [String] = []
        for branch in split(Substring(pattern), on: "|") {
            guard beginsAtWordStart(branch) else { return nil }
            let (optional, rest) = optionalWords(stripZeroWidth(branch))
            for alternative in optional + [rest] {
                guard let words = branchAnchors(alternative, shortest: 1) else { return nil }
                all += words
            }
        }
        return all.isEmpty ? nil : Array(Set(all)).sorted()
    }

    /// Whether every match begins at one of the anchors or in the white space just before it: true
    /// unless an optional run of words before the anchors was looked past.
    static func matchesStartAtAnchors(_ pattern: String) -> Bool {
        split(Substring(pattern), on: "|").allSatisfy { branch in
            let stripped = stripZeroWidth(branch)
            return skippingOptionalWords(stripped) == stripped
        }
    }

    /// Splits at `separator` outside parentheses and character classes.
    static func split(_ text: Substring, on separator: Unicode.Scalar) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        PatternStructure.forEachStructural(in: text) { index, byte in
            if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
            } else if UInt32(byte) == separator.value && depth == 0 {
                parts.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            return true
        }
        parts.append(text[start...])
        return parts
    }

    /// Drops leading items that match no characters, and `[ \t]*`-style optional space.
    static func stripZeroWidth(_ branch: Substring) -> Substring {
        var rest = branch
        while true {
            if rest.hasPrefix("\\b") || rest.hasPrefix("\\s*") {
                rest = rest.dropFirst(rest.hasPrefix("\\b") ? 2 : 3)
            } else if rest.hasPrefix("^") {
                rest = rest.dropFirst()
            } else if rest.hasPrefix("[ \\t]*") {
                rest = rest.dropFirst(6)
            } else if rest.hasPrefix("(?<!") || rest.hasPrefix("(?<=") || rest.hasPrefix("(?m)")
                || rest.hasPrefix("(?i)")
                || rest.hasPrefix("(?-i)")
            {
                guard let end = closingParenthesis(rest) else { return rest }
                rest = rest[rest.index(after: end)...]
            } else {
                return rest
            }
        }
    }

    /// Anchors are searched at word starts, so a branch must itself begin at one.
    private static func beginsAtWordStart(_ branch: Substring) -> Bool {
        branch.contains("\\b") || branch.hasPrefix("(?m)^") || branch.hasPrefix("^") || branch.contains("(?<!")
    }

    /// Drops leading optional groups of words that end in white space (`(?:(?:some|many)\s+)?`,
    /// `(?:\w+ly\s+)?`): a match then starts at the words after them, or within the same run of text
    /// just before, which the anchored search (from the start of the line) still covers.
    static func skippingOptionalWords(_ branch: Substring) -> Substring {
        optionalWords(branch).rest
    }

    /// The alternatives of the leading optional groups `skippingOptionalWords` drops, each without
    /// its closing white space, and what follows them.
    private static func optionalWords(_ branch: Substring) -> (alternatives: [Substring], rest: Substring) {
        var alternatives: [Substring] = []
        var rest = branch
        while rest.hasPrefix("(?:"), let end = closingParenthesis(rest) {
            let after = rest[rest.index(after: end)...]
            guard after.first == "?", !after.hasPrefix("?+") else { break }
            let inner = split(rest[rest.index(rest.startIndex, offsetBy: 3)..<end], on: "|")
            guard inner.allSatisfy({ $0.hasSuffix("\\s+") && !$0.contains("\\n") }) else { break }
            alternatives += inner.map { stripZeroWidth($0.dropLast(3)) }
            rest = stripZeroWidth(after.dropFirst())
        }
        return (alternatives, rest)
    }

    /// The parenthesis that closes the group `text` opens with.
    private static func closingParenthesis(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var closing: Substring.Index?
        PatternStructure.forEachStructural(in: text) { index, byte in
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { closing = index }
            }
            return closing == nil
        }
        return closing
    }

    /// The words a branch begins with, each at least `shortest` letters (a shorter one is then all
    /// that is certain of a longer word, as "a" is of "a" or "an").
    private static func branchAnchors(_ branch: Substring, shortest: Int = 2) -> [String]? {
        if branch.hasPrefix("(?:") || branch.hasPrefix("(?i:") {
            guard let end = closingParenthesis(branch) else { return nil }
            let after = branch[branch.index(after: end)...]
            // An optional or repeated group may match nothing; its words are then not required.
            if let next = after.first, "?*".contains(next) || after.hasPrefix("{0") { return nil }
            let inner = branch[branch.index(branch.startIndex, offsetBy: branch.hasPrefix("(?:") ? 3 : 4)..<end]
            var words: [String] = []
            for alternative in split(inner, on: "|") {
                guard let found = branchAnchors(stripZeroWidth(alternative), shortest: shortest) else { return nil }
                words += found
            }
            return words
        }
        let word = branch.prefix { $0.isLetter || $0 == "'" }
        guard word.count >= shortest else { return nil }
        // A quantifier on the last letter makes it optional: keep only what is certain.
        let next = branch.dropFirst(word.count).first
        let certain = next.map { "?*{".contains($0) } == true ? word.dropLast() : word
        return certain.count >= shortest ? [certain.lowercased()] : nil
    }
}
