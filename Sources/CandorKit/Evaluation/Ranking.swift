/// Ranks with ties averaged, and the rank correlation built on them.
public enum Ranking {
    /// Each value's rank from 1 (the smallest), tied values sharing the mean of their ranks.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for place in start...end { ranks[order[place]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Spearman's rho: Pearson's correlation of the average ranks; 0 when either side is constant.
    public static func spearman(_ xs: [Double], _ ys: [Double]) -> Double {
        guard xs.count == ys.count, xs.count > 1 else { return 0 }
        let (rx, ry) = (averageRanks(xs), averageRanks(ys))
        let mean = Double(xs.count + 1) / 2
        var (covariance, varianceX, varianceY) = (0.0, 0.0, 0.0)
        for (x, y) in zip(rx, ry) {
            covariance += (x - mean) * (y - mean)
            varianceX += (x - mean) * (x - mean)
            varianceY += (y - mean) * (y - mean)
        }
        guard varianceX > 0, varianceY > 0 else { return 0 }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
