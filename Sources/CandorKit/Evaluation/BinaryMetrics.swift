/// Confusion counts and the scores derived from them.
public struct BinaryMetrics: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    public init() {}

    public mutating func record(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true): falseNegatives += 1
        }
    }

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    public var accuracy: Double {
        ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}

/// Area under the ROC curve by the Mann-Whitney statistic, counting ties as half.
public enum ROC {
    public static func auc(scores: [Double], labels: [Bool]) -> Double {
        let ranks = Ranking.averageRanks(scores)
        let rankSumPositive = zip(ranks, labels).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        return (rankSumPositive - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
