/// The constants of the scoring model, in one place so that `candor explain --scoring`, the README and
/// the scorer cannot drift apart.
public enum ScoringModel {
    /// Where every article starts before evidence is weighed.
    public static let base = 75

    /// The most a negative category can take away, and the density (weighted findings per 100 clean
    /// words) at which it has taken about 63% of that.
    public static let penalties: [Category: (cap: Double, scale: Double)] = [
        .hedging: (14, 4),
        .unsourced: (16, 3),
        .socialProof: (12, 3),
        .puffery: (12, 4),
        .disclaimer: (10, 3),
        .bias: (10, 4),
    ]

    /// The most each kind of positive evidence can add, and the summed weight at which it has added
    /// about 63% of that.
    public static let rewards: [Signal: (cap: Double, scale: Double)] = [
        .namedSource: (18, 3),
        .attributedData: (8, 3),
        .link: (5, 2),
        .byline: (4, 1),
        .dateline: (3, 1),
        .expertise: (3, 1),
        .correction: (3, 1),
        .citedDocument: (8, 3),
        .publicationDate: (2, 1),
    ]

    /// Shorter texts are measured as if this many clean words long, so a two-line note is not judged
    /// by the density of a single phrase.
    public static let minimumLength = 100

    /// Grade boundaries, highest first.
    public static let grades: [(minimum: Int, grade: String)] = [(85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F")]

    public static func grade(for score: Int) -> String {
        grades.first { score >= $0.minimum }?.grade ?? "F"
    }
}
