/// Spots pattern shapes that can make a backtracking engine explore exponentially many paths, so
/// `candor rules lint` can warn before a rule ever runs: a repeated group that itself repeats
/// (`(a+)+`, `(\w+\s*)*`, `(.*a){20}`), and a repeated alternation whose branches overlap (`(a|aa)*`).
public enum PatternLint {
    public static func warnings(for pattern: String) -> [String] {
        let text = Substring(pattern)
        var warnings: [String] = []
        var openings: [Substring.Index] = []
        PatternStructure.forEachStructural(in: text) { index, byte in
            if byte == UInt8(ascii: "(") {
                openings.append(index)
            } else if byte == UInt8(ascii: ")"), let open = openings.popLast() {
                let after = text.utf8.index(after: index)
                let body = String(text[text.utf8.index(after: open)..<index])
                if let quantifier = repetition(at: text[after...]) {
                    let group = String(text[open..<after]) + quantifier
                    if onlyRepeatedAtoms(body) || body.hasPrefix(".*") || body.hasPrefix(".+") {
                        warnings.append("nested quantifier \(group)")
                    } else if overlappingAlternatives(body) {
                        warnings.append("overlapping alternatives under a quantifier \(group)")
                    }
                }
            }
            return true
        }
        return warnings
    }

    /// An unbounded quantifier (or a bound of 10 or more) at the start of `rest`.
    private static func repetition(at rest: Substring) -> String? {
        guard let first = rest.first else { return nil }
        switch first {
        case "*", "+": return String(first)
        case "{":
            guard let close = rest.firstIndex(of: "}") else { return nil }
            let bounds = rest[rest.index(after: rest.startIndex)..<close].split(
                separator: ",", omittingEmptySubsequences: false)
            let upper =
                bounds.count == 2 ? (bounds[1].isEmpty ? Int.max : Int(bounds[1]) ?? 0) : Int(bounds.first ?? "") ?? 0
            return upper >= 10 ? String(rest[...close]) : nil
        default: return nil
        }
    }

    /// Whether every atom of the body repeats or is optional (`a+`, `\w+\s*`): then the same text can be
    /// divided between iterations in exponentially many ways. A body with a fixed atom, such as
    /// `\s+[A-Z]\w*`, divides only one way.
    static func onlyRepeatedAtoms(_ body: String) -> Bool {
        let characters = Array(body)
        guard !characters.isEmpty, !body.contains("|") else { return false }
        var index = 0
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 2
            case "[":
                var close = index + 1
                while close < characters.count, characters[close] != "]" { close += characters[close] == "\\" ? 2 : 1 }
                index = close + 1
            case "(":
                var depth = 0
                var close = index
                repeat {
                    if characters[close] == "(" { depth += 1 }
                    if characters[close] == ")" { depth -= 1 }
                    close += 1
                } while depth > 0 && close < characters.count
                index = close
            default: index += 1
            }
            guard index < characters.count, "*+?{".contains(characters[index]) else { return false }
            if characters[index] == "{" {
                while index < characters.count, characters[index] != "}" { index += 1 }
            }
            index += 1
            if index < characters.count, "?+".contains(characters[index]) { index += 1 }
        }
        return true
    }

    private static func overlappingAlternatives(_ body: String) -> Bool {
        let branches = AnchorDeriver.split(Substring(body), on: "|").map(String.init)
        guard branches.count > 1 else { return false }
        for (index, branch) in branches.enumerated() {
            for other in branches[(index + 1)...] where !branch.isEmpty && !other.isEmpty {
                if branch.hasPrefix(other) || other.hasPrefix(branch) { return true }
            }
        }
        return false
    }
}
