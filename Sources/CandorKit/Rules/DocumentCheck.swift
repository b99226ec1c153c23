/// A document-level check: a property of the whole article rather than of a phrase.
public enum DocumentCheck: Sendable, Equatable {
    /// Fires when no rule contributed the signal (no byline, no named source, ...).
    case missingSignal(Signal)
    /// Fires when the text reads as promotion (at least `threshold` weighted puffery, social-proof and
    /// disclaimer findings per 1,000 clean words, from at least three findings, one of them from
    /// `commercial` when it names any rules or categories) and nothing discloses a sponsor. The list
    /// comes first: with the number after it, no word of the payload has bits to spare, so the case is
    /// told by a tag byte of its own and the list's address is stored as it is, where leak checkers
    /// (LeakSanitizer, under the fuzzer) can see it.
    case missingDisclosure(commercial: [String] = [], threshold: Double)
    /// Fires when a disclosure exists but the first one comes after the opening `leadShare` of the text.
    case buriedDisclosure(leadShare: Double)

    /// Fires when at least two sentences quote named sources and every one of them names the same
    /// organisation, which the article also praises.
    case oneSidedSourcing
    /// Fires when one name appears in at least `threshold` sentences that carry promotional findings.
    case promotedName(threshold: Int)

    /// The names used in ruleset files.
    static let names = [
        "missing-signal", "missing-disclosure", "buried-disclosure", "one-sided-sourcing", "promoted-name",
    ]
}
