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
        // Keyed by the bytes of rule and wording: built as strings, the keys cost more than the rest.
        var seen = Set<WordingKey>()
        var totals: [Signal: Total] = [:]
        for index in signals.indices {
            guard let signal = signals[index].signal else { continue }
            var key = Array(signals[index].ruleId.utf8)
            key.append(0)
            Fingerprint.appendNormalised(signals[index].text, to: &key)
            if seen.insert(WordingKey(bytes: key)).inserted {
                totals[signal, default: Total()].add(signals[index].weight)
            }
        }
        return totals
    }

    /// A signal's rule and normalised wording, hashed as one run of bytes (an array of bytes hashes
    /// them one at a time).
    struct WordingKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
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

    /// Two decimals, as printf writes them, for every category line of every document: rounded from
    /// the exact binary value, halves to even. Values from 0 up to 2^46 are worked out in integers
    /// (the C library's formatter cost 8,000 instructions a call); others go to the C library.
    static func format(_ value: Double) -> String {
        guard value.sign == .plus, value < 0x1p46, let hundredths = exactHundredths(value) else {
            return formatByCLibrary(value)
        }
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `value` × 100 rounded to the nearest integer, halves to even, computed exactly from the
    /// value's significand and exponent; nil for values that are not finite.
    private static func exactHundredths(_ value: Double) -> UInt64? {
        guard value.isFinite else { return nil }
        let isNormal = value.exponentBitPattern != 0
        let significand = value.significandBitPattern | (isNormal ? 1 << 52 : 0)
        let exponent = (isNormal ? Int(value.exponentBitPattern) : 1) - 1075
        // Below 2^53 × 100 < 2^60: the product is exact, and so is every shift of it below.
        let scaled = significand * 100
        if exponent >= 0 { return scaled << UInt64(exponent) }
        let shift = -exponent
        if shift > 61 { return 0 }
        let (whole, rest) = (scaled >> UInt64(shift), scaled & ((1 << UInt64(shift)) - 1))
        let half: UInt64 = 1 << UInt64(shift - 1)
        return rest > half || (rest == half && whole & 1 == 1) ? whole + 1 : whole
    }

    private static func formatByCLibrary(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 48)
        let written = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.2f", $0) }
        guard written > 0, written < buffer.count else { return String(format: "%.2f", value) }
        return String(decoding: buffer[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
