/// A document's score and the lines that add up to it: `base + Σ breakdown.points == score`, exactly.
public struct ScoreCard: Sendable, Equatable {
    public let base: Int
    public let breakdown: [BreakdownLine]
    public let score: Int
    public let grade: String
}

/// One line of a score breakdown: the points a category (or one check, or the clamp) contributed.
public struct BreakdownLine: Sendable, Codable, Equatable {
    public let category: String
    public let points: Int
    public let reason: String

    public init(category: String, points: Int, reason: String) {
        self.category = category
        self.points = points
        self.reason = reason
    }
}
