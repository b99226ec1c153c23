import Foundation

/// SARIF 2.1.0 for code-scanning dashboards: rule metadata, levels, regions with lines, columns (in
/// Unicode code points) and byte offsets, and partial fingerprints that survive edits elsewhere.
public struct SARIFReporter: Reporter {
    let rules: [Rule]
    let gates: Gates.Outcome?

    public init(rules: [Rule], gates: Gates.Outcome? = nil) {
        self.rules = rules
        self.gates = gates
    }

    public func render(_ report: AuditReport) -> String {
        let used = Set(report.documents.flatMap { $0.findings.map(\.ruleId) })
        let described = rules.filter { used.contains($0.id) }.sorted { $0.id < $1.id }
        let index = Dictionary(uniqueKeysWithValues: described.enumerated().map { ($1.id, $0) })
        let results = report.documents.flatMap { document in
            document.findings.map { result($0, path: document.path, ruleIndex: index[$0.ruleId]) }
        }
        let log = SARIFLog(
            runs: [
                .init(
                    tool: .init(
                        driver: .init(
                            name: report.tool.name, version: report.tool.version, rules: described.map(descriptor))),
                    results: results,
                    invocations: [
                        .init(
                            executionSuccessful: report.summary.errors == 0,
                            toolExecutionNotifications: notifications(report))
                    ])
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Each failed gate as an error notification, placed on its document when it is one document's.
    private func notifications(_ report: AuditReport) -> [SARIFLog.Notification]? {
        guard let gates, gates.failed else { return nil }
        let documents = report.documents.compactMap { document in
            gates.failure(of: document).map { failure in
                SARIFLog.Notification(
                    level: "error", message: .init(text: "Gate failed: " + failure),
                    locations: [.init(physicalLocation: .init(artifactLocation: .init(uri: Self.uri(document.path))))])
            }
        }
        let run = gates.runFailures.map {
            SARIFLog.Notification(level: "error", message: .init(text: "Gate failed: " + $0), locations: nil)
        }
        return documents + run
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private func descriptor(_ rule: Rule) -> SARIFLog.Rule {
        SARIFLog.Rule(
            id: rule.id, name: rule.id, shortDescription: .init(text: rule.message),
            fullDescription: .init(text: rule.rationale), help: .init(text: rule.suggestion),
            defaultConfiguration: .init(level: Self.level(rule.severity)),
            properties: .init(category: rule.category.rawValue, weight: rule.weight, tags: [rule.category.rawValue]))
    }

    private func result(_ finding: Finding, path: String, ruleIndex: Int?) -> SARIFLog.Result {
        let region = SARIFLog.Region(
            startLine: finding.line, startColumn: finding.column, endLine: finding.endLine,
            endColumn: finding.endColumn,
            byteOffset: finding.byteStart, byteLength: finding.byteEnd - finding.byteStart,
            snippet: finding.text.isEmpty ? nil : .init(text: finding.text))
        let location = SARIFLog.Location(
            physicalLocation: .init(artifactLocation: .init(uri: Self.uri(path)), region: region))
        return SARIFLog.Result(
            ruleId: finding.ruleId, ruleIndex: ruleIndex, level: Self.level(finding.severity),
            message: .init(text: finding.message + " " + finding.suggestion), locations: [location],
            partialFingerprints: ["candorFingerprint/v1": finding.fingerprint],
            baselineState: finding.baseline.map { $0 ? "unchanged" : "new" },
            properties: finding.alsoMatched.isEmpty ? nil : .init(alsoMatched: finding.alsoMatched))
    }

    /// A relative URI reference for a path, percent-encoding what a URI cannot hold.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }
}
