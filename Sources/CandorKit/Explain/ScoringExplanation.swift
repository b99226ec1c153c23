/// The text `candor explain --scoring` prints, built from the constants the scorer itself uses.
public enum ScoringExplanation {
    public static var text: String {
        var out = """
            Candor transparency score (0-100, higher is more transparent)

            score = base + sum of breakdown lines, kept within 0-100 (a clamp, if any, is its own line).
            Base: \(ScoringModel.base).

            Negative categories. Clean words are the words of sentences with no negative finding;
            density = summed rule weights per 100 clean words (at least \(ScoringModel.minimumLength) words);
            points = -round(cap * (1 - e^(-density / scale))).

            """
        out += "  category        cap  scale\n"
        for category in Category.allCases {
            guard let penalty = ScoringModel.penalties[category] else { continue }
            out +=
                "  \(category.rawValue.padded(to: 14))  \(penalty.cap.formatted.leftPadded(to: 3))  \(penalty.scale.formatted.leftPadded(to: 5))\n"
        }
        out += """

            Document checks (no byline, no named source, promotion without disclosure, disclosure only at
            the bottom) each take their rule's weight in points.

            Positive signals, by kind, each distinct wording counted once (repeating an attribution is
            not new evidence): points = round(cap * (1 - e^(-summed weight / scale))).

            """
        out += "  signal           cap  scale\n"
        for signal in Signal.allCases {
            guard let reward = ScoringModel.rewards[signal] else { continue }
            out +=
                "  \(signal.rawValue.padded(to: 15))  \(reward.cap.formatted.leftPadded(to: 3))  \(reward.scale.formatted.leftPadded(to: 5))\n"
        }
        out += "\nGrades: " + ScoringModel.grades.map { "\($0.grade) >= \($0.minimum)" }.joined(separator: ", ") + "\n"
        return out
    }
}
