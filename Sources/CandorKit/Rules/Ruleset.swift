/// The rules in force for a run, in a stable order (pack, then file, then position in the file).
public struct Ruleset: Sendable {
    public let rules: [Rule]
    /// The word classes the packs defined, as extended; for documentation.
    public var vocabulary = Vocabulary()

    public init(rules: [Rule]) { self.rules = rules }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// A ruleset holding only the rules `include` keeps, e.g. one rule for its own examples.
    public func filtered(_ include: (Rule) -> Bool) -> Ruleset {
        var kept = Ruleset(rules: rules.filter(include))
        kept.vocabulary = vocabulary
        return kept
    }
}
