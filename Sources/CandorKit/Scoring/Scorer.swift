import Foundation

/// Turns findings and signals into a transparency score whose every point is a breakdown line.
///
/// Negative categories are measured as weighted findings per 100 *clean* words: words in sentences
/// that have no negative finding. A flagged sentence therefore adds to the count without diluting it,
/// which keeps the score monotone (adding a flagged sentence never raises it, adding clean text never
/// lowers it), while an article repeated twice keeps the same densities. Each category saturates
/// towards its cap (`cap × (1 − e^(−density/scale))`), so one repeated phrase cannot zero an article.
/// Document checks take their rule's weight in points; positive signals, each distinct wording counted
/// once, saturate towards their caps.
public enum Scorer {
    public static func score(findings: [Finding], signals: [Finding], cleanWords: Int) -> ScoreCard {
        let length = Double(max(cleanWords, ScoringModel.minimumLength)) / 100
        var lines: [BreakdownLine] = []
        // Totals in one pass, not a filtered copy per category: a large document has many findings.
        // Read by index: iterating the array copied every finding, and a copy retains all its strings.
        var totals: [Category: Total] = [:]
        for index in findings.indices where findings[index].scope == .span && findings[index].weight > 0 {
            totals[findings[index].category, default: Total()].add(findings[index].weight)
        }
        for category in Category.allCases {
            guard let penalty = ScoringModel.penalties[category], let total = totals[category] else { continue }
            let density = total.weight / length
            let points = -Int((penalty.cap * (1 - exp(-density / penalty.scale))).rounded())
            let reason = "\(count(total.count, "finding")), \(format(density)) weighted per 100 clean words"
            lines.append(BreakdownLine(category: category.rawValue, points: points, reason: reason))
        }
        for index in findings.indices where findings[index].scope == .document {
            let finding = findings[index]
            let points = -Int(finding.weight.rounded())
            lines.append(
                BreakdownLine(
                    category: finding.category.rawValue, points: points,
                    reason: "\(finding.message) [\(finding.ruleId)]"))
        }
        let distinct = distinctTotals(signals)
        for signal in Signal.allCases {
            guard let reward = ScoringModel.rewards[signal], let matched = distinct[signal], matched.count > 0 else {
                continue
            }
            let points = Int((reward.cap * (1 - exp(-matched.weight / reward.scale))).rounded())
            lines.append(
                BreakdownLine(
                    category: Category.transparency.rawValue, points: points,
                    reason: "\(count(matched.count, "distinct " + signal.rawValue + " signal"))"))
        }
        let raw = ScoringModel.base + lines.reduce(0) { $0 + $1.points }
        let score = min(100, max(0, raw))
        if score != raw {
            lines.append(BreakdownLine(category: "clamp", points: score - raw, reason: "score kept within 0-100"))
        }
        return ScoreCard(base: ScoringModel.base, breakdown: lines, score: score, grade: ScoringModel.grade(for: score))
    }

    /// One signal per rule and wording, totalled by kind in one pass: repeating the same attribution
    /// is not new evidence, which keeps an article and the same article twice on the same score.
    static func distinctTotals(_ signals: [Finding]) -> [Signal: Total] {
        var seen = Set<String>()
        var totals: [Signal: Total] = [:]
        for index in signals.indices {
            guard let signal = signals[index].signal else { continue }
            let key = signals[index].ruleId + "\u{0}" + Fingerprint.normalise(signals[index].text)
            if seen.insert(key).inserted { totals[signal, default: Total()].add(signals[index].weight) }
        }
        return totals
    }

    /// How many findings and their summed weight, added in reading order.
    struct Total {
        var count = 0
        var weight = 0.0

        mutating func add(_ value: Double) {
            count += 1
            weight += value
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Two decimals, as printf writes them: the C library's formatter directly, without the cost of
    /// Foundation's format strings, for every category line of every document.
    static func format(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 48)
        let written = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.2f", $0) }
        guard written > 0, written < buffer.count else { return String(format: "%.2f", value) }
        return String(decoding: buffer[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
