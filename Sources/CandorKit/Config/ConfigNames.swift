/// The names a configuration gives (rule ids, categories and packs), checked against the rules
/// loaded: a typo must be an error, never a rule quietly left on or a pack quietly left out.
extension CandorConfig {
    /// A name as the configuration file gives it, with its place.
    public struct NamedEntry: Sendable, Equatable {
        public enum Kind: Sendable { case ruleOrCategory, pack }
        public let name: String
        public let kind: Kind
        public let line: Int
        public let column: Int
    }

    /// Errors for the names in `entries` that no loaded rule, category or pack answers to, each with
    /// the nearest known name when there is a close one.
    public func unknownNames(in ruleset: Ruleset) -> [RulesetError] {
        let ruleNames = Set(ruleset.rules.map(\.id)).union(Category.allCases.map(\.rawValue))
        let packNames = Set(ruleset.rules.map(\.pack))
        return entries.compactMap { entry in
            let (known, what) =
                entry.kind == .pack ? (packNames, "pack") : (ruleNames, "rule id or category")
            guard !known.contains(entry.name) else { return nil }
            return RulesetError(
                file: path ?? Self.fileName, line: entry.line, column: entry.column,
                message: "unknown \(what) '\(entry.name)'" + NameSuggestion.hint(for: entry.name, among: known))
        }
    }

    /// The error for a configuration under which no rule is left to run: a gate would pass anything.
    public func nothingInForce() -> RulesetError {
        RulesetError(
            file: path ?? Self.fileName, line: 1, column: 1,
            message: "no rules in force: 'packs' and 'rules' switch every rule off, so nothing could be audited")
    }
}

/// The closest of a set of names to a mistyped one, by edit distance, when it is close enough to be
/// what was meant ("hedgin" for "hedging", "cor" for "core").
public enum NameSuggestion {
    public static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased())
        // A name cut short ("puff", "social") is the one it begins, when only one begins so.
        let extended = candidates.filter { $0.lowercased().hasPrefix(name.lowercased()) }
        if !name.isEmpty, extended.count == 1 { return extended[0] }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            if distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        // Close: a third of the longer name at most, and never more than four edits.
        let allowed = min(4, max(1, max(typed.count, best.name.count) / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// "; did you mean 'NAME'?" for the nearest name, or nothing when none is close.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        nearest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance, one row at a time.
    static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        if left.isEmpty { return right.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for (row, character) in left.enumerated() {
            current[0] = row + 1
            for column in 1...max(1, right.count) where column <= right.count {
                let substitution = previous[column - 1] + (character == right[column - 1] ? 0 : 1)
                current[column] = min(substitution, previous[column] + 1, current[column - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
