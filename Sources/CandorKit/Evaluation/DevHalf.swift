/// One of two fixed halves of a labelled development file: rules are tuned on the first and checked
/// on the second, and a change is kept only if it holds on both.
public enum DevHalf: String, Sendable, CaseIterable {
    case first, second

    /// Sentences alternate: the 1st, 3rd, 5th labelled row form the first half (the CoNLL file is
    /// ordered so that its certain rows come mostly first, which a cut in the middle would split
    /// by label).
    public func holdsRow(_ place: Int) -> Bool { (place % 2 == 0) == (self == .first) }

    /// Native-ads responses go by the number in the middle of their id (`3413-000212-A`): even
    /// numbers form the first half, so that an answer with an inserted ad and the same answer
    /// without it always fall in the same half. Ids without such a number go by their length.
    public func holdsResponse(id: String) -> Bool {
        let parts = id.split(separator: "-")
        let number = parts.count >= 2 ? Int(parts[1]) ?? id.utf8.count : id.utf8.count
        return (number % 2 == 0) == (self == .first)
    }
}
