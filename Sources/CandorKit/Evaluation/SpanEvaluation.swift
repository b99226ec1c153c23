import Foundation

/// Compares findings with character-span labels in the Propaganda Techniques Corpus layout:
/// `ARTICLES/articleID.txt` and `LABELS/articleID.task2-TC.labels` (`id<TAB>technique<TAB>start<TAB>end`,
/// 0-based character offsets, end exclusive).
public enum SpanEvaluation {
    public struct Result: Sendable {
        public var articles = 0
        public var labelledSpans = 0
        /// Share of all characters that lie inside any labelled span.
        public var baseRate = 0.0
        public var techniques: [String] = []
        public var spansPerTechnique: [String: Int] = [:]
        /// For each technique and category, how many labelled spans overlap a finding of that category.
        public var overlaps: [String: [Category: Int]] = [:]
        public var findingsPerCategory: [Category: Int] = [:]
        public var findingsInsideSpans: [Category: Int] = [:]
    }

    struct Label {
        let technique: String
        let range: Range<Int>
    }

    public static func run(articles: String, labels: String, auditor: Auditor) throws -> Result {
        let files = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".txt") }
            .sorted()
        var result = Result()
        var labelledCharacters = 0
        var totalCharacters = 0
        for file in files {
            let path = articles + "/" + file
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let labelPath = labels + "/" + file.replacingOccurrences(of: ".txt", with: ".task2-TC.labels")
            let spans = try readLabels(labelPath)
            let report = auditor.audit(Document(path: path, bytes: bytes))
            let characters = CharacterOffsets(bytes)
            let findings = report.findings.filter { $0.scope == .span }
                .map { ($0.category, characters.index(ofByte: $0.byteStart)..<characters.index(ofByte: $0.byteEnd)) }
            result.articles += 1
            totalCharacters += characters.count
            labelledCharacters += coveredLength(spans.map(\.range))
            for span in spans {
                result.labelledSpans += 1
                result.spansPerTechnique[span.technique, default: 0] += 1
                for category in Set(findings.filter { $0.1.overlaps(span.range) }.map(\.0)) {
                    result.overlaps[span.technique, default: [:]][category, default: 0] += 1
                }
            }
            for (category, range) in findings {
                result.findingsPerCategory[category, default: 0] += 1
                if spans.contains(where: { $0.range.overlaps(range) }) {
                    result.findingsInsideSpans[category, default: 0] += 1
                }
            }
        }
        result.techniques = result.spansPerTechnique.keys.sorted()
        result.baseRate = totalCharacters == 0 ? 0 : Double(labelledCharacters) / Double(totalCharacters)
        return result
    }

    static func readLabels(_ path: String) throws -> [Label] {
        guard let text = FileReader.text(path) else { return [] }
        var labels: [Label] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: "\t")
            guard parts.count == 4, let start = Int(parts[2]), let end = Int(parts[3]), start <= end else {
                throw EvaluationError(
                    path: path, line: index + 1, message: "expected id<TAB>technique<TAB>start<TAB>end")
            }
            labels.append(Label(technique: String(parts[1]), range: start..<end))
        }
        return labels
    }

    /// Length of the union of ranges.
    static func coveredLength(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var reach = Int.min
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, reach)
            if range.upperBound > start { total += range.upperBound - start }
            reach = max(reach, range.upperBound)
        }
        return total
    }
}

/// Converts UTF-8 byte offsets to character (Unicode scalar) offsets, as labelled corpora count them.
struct CharacterOffsets {
    private let scalarIndexAtByte: [Int]
    let count: Int

    init(_ bytes: [UInt8]) {
        var table = [Int](repeating: 0, count: bytes.count + 1)
        var scalars = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            table[index + 1] = scalars
        }
        scalarIndexAtByte = table
        count = scalars
    }

    func index(ofByte offset: Int) -> Int { scalarIndexAtByte[min(max(0, offset), scalarIndexAtByte.count - 1)] }
}
