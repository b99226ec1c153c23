import Foundation

/// Promotional-language detection on the Webis native-ads layout: responses (`{"id","response"}`) and
/// labels (`{"id","label","span":"(start, end)"}`, label 1 = an inserted product placement).
public enum AdEvaluation {
    public struct Result: Sendable {
        public var responses = 0
        public var ads = 0
        public var auc = 0.5
        public var spansFound = 0
        public var flaggedAdShare = 0.0
        public var flaggedOtherShare = 0.0
        public var spanRecall: Double { ads == 0 ? 0 : Double(spansFound) / Double(ads) }
        /// For each promotional rule: in how many ad responses and how many other responses it fired.
        public var ruleHits: [String: (ads: Int, others: Int)] = [:]
    }

    /// The categories whose weight counts as promotional evidence.
    public static let promotionalCategories: Set<Category> = [.puffery, .socialProof]

    struct Response: Decodable {
        let id: String
        let response: String
    }

    struct Label: Decodable {
        let id: String
        let label: Int
        let span: String?
    }

    /// `half` limits the run to one fixed half of the responses (see `DevHalf`).
    public static func run(responses: String, labels: String, auditor: Auditor, half: DevHalf? = nil) throws -> Result {
        let texts = Dictionary(try readLines(responses, as: Response.self).map { ($0.id, $0.response) }) { first, _ in
            first
        }
        var scores: [Double] = []
        var truth: [Bool] = []
        var result = Result()
        var flaggedAds = 0
        var flaggedOthers = 0
        for label in try readLines(labels, as: Label.self) where half?.holdsResponse(id: label.id) ?? true {
            guard let text = texts[label.id] else { continue }
            let bytes = Array(text.utf8)
            let document = Document(path: label.id, bytes: bytes)
            let promotional = auditor.audit(document).findings.filter {
                $0.scope == .span && promotionalCategories.contains($0.category)
            }
            let weight = promotional.reduce(0) { $0 + $1.weight }
            for rule in Set(promotional.map(\.ruleId)) {
                let hits = result.ruleHits[rule] ?? (0, 0)
                result.ruleHits[rule] = label.label == 1 ? (hits.ads + 1, hits.others) : (hits.ads, hits.others + 1)
            }
            scores.append(weight * 100 / Double(max(document.wordCount, 1)))
            truth.append(label.label == 1)
            result.responses += 1
            if label.label == 1 {
                result.ads += 1
                if !promotional.isEmpty { flaggedAds += 1 }
                if let span = parseSpan(label.span) {
                    let characters = CharacterOffsets(bytes)
                    let hit = promotional.contains {
                        (characters.index(ofByte: $0.byteStart)..<characters.index(ofByte: $0.byteEnd)).overlaps(span)
                    }
                    if hit { result.spansFound += 1 }
                }
            } else if !promotional.isEmpty {
                flaggedOthers += 1
            }
        }
        result.auc = ROC.auc(scores: scores, labels: truth)
        result.flaggedAdShare = result.ads == 0 ? 0 : Double(flaggedAds) / Double(result.ads)
        let others = result.responses - result.ads
        result.flaggedOtherShare = others == 0 ? 0 : Double(flaggedOthers) / Double(others)
        return result
    }

    static func readLines<T: Decodable>(_ path: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        var values: [T] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            do {
                values.append(try decoder.decode(T.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError(path: path, line: index + 1, message: "invalid JSON line: \(error)")
            }
        }
        return values
    }

    /// Parses "(start, end)" into a range of characters.
    static func parseSpan(_ text: String?) -> Range<Int>? {
        guard let text else { return nil }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 2, numbers[0] <= numbers[1] else { return nil }
        return numbers[0]..<numbers[1]
    }
}
