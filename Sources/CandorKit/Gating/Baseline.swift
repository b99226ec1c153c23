import Foundation

/// Findings recorded at one point in time, so that a team can switch Candor on without fixing every
/// old finding first. Matching is by path, rule and fingerprint (which ignores line numbers), each
/// recorded finding absorbing at most one current finding.
public struct Baseline: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public let path: String
        public let ruleId: String
        public let fingerprint: String
        /// For people reading the file; not used for matching.
        public let line: Int
        public let text: String
    }

    public var version = 1
    public var entries: [Entry]
    /// Each document's score when the baseline was written, by path: with a baseline, a document
    /// fails `fail-under` only when it also scores below this (absent from older baselines).
    public var scores: [String: Int]?

    public init(documents: [DocumentReport]) {
        entries = documents.flatMap { document in
            document.findings.map {
                Entry(path: document.path, ruleId: $0.ruleId, fingerprint: $0.fingerprint, line: $0.line, text: $0.text)
            }
        }
        scores = Dictionary(documents.map { ($0.path, $0.score) }, uniquingKeysWith: { first, _ in first })
    }

    public static func load(path: String) throws(GateError) -> Baseline {
        let data: Data
        switch FileReader.contents(of: path, atMost: FileReader.baselineLimit) {
        case .success(let contents): data = contents
        case .failure(let failure): throw GateError.unreadableBaseline(path: path, cause: failure.reason)
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch let error as DecodingError {
            throw GateError.invalidBaseline(path: path, cause: Self.describe(error))
        } catch {
            throw GateError.invalidBaseline(path: path, cause: "not valid JSON")
        }
    }

    /// A decoding error in one phrase: what was wrong, and where in the file's structure.
    private static func describe(_ error: DecodingError) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)'" + place(context.codingPath)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value" + place(context.codingPath)
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "unreadable value" + place(context.codingPath)
        @unknown default: return "not a baseline"
        }
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Marks each finding `baseline: true` when the baseline recorded it, `false` when it is new.
    public func apply(to documents: [DocumentReport]) -> [DocumentReport] {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[key(entry.path, entry.ruleId, entry.fingerprint), default: 0] += 1 }
        return documents.map { document in
            var marked = document
            marked.findings = document.findings.map { finding in
                var finding = finding
                let key = key(document.path, finding.ruleId, finding.fingerprint)
                let known = (remaining[key] ?? 0) > 0
                if known { remaining[key]! -= 1 }
                finding.baseline = known
                return finding
            }
            return marked
        }
    }

    private func key(_ path: String, _ rule: String, _ fingerprint: String) -> String {
        path + "\u{1F}" + rule + "\u{1F}" + fingerprint
    }
}

/// Problems with gate inputs.
public enum GateError: Error, CustomStringConvertible {
    case unreadableBaseline(path: String, cause: String)
    case invalidBaseline(path: String, cause: String)

    public var description: String {
        switch self {
        case .unreadableBaseline(let path, let cause): "\(path): cannot read baseline: \(cause)"
        case .invalidBaseline(let path, let cause): "\(path): not a Candor baseline (\(cause))"
        }
    }
}
