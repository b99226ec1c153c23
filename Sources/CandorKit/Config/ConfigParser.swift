import Foundation
import Yams

/// Reads the fields of a `.candor.yml` strictly, recording located errors.
struct ConfigParser {
    let path: String
    var fields: YAMLFields

    mutating func parse() -> CandorConfig {
        var config = CandorConfig()
        config.path = path
        if let version = fields.number("version"), version != 1 {
            fields.appendError(
                fields.error(at: fields.node("version"), "unsupported version \(version); this Candor reads version 1"))
        }
        let packs = fields.strings("packs")
        config.packs = packs?.map(\.0)
        config.entries += (packs ?? []).map { entry(named: $0.0, kind: .pack, at: $0.1) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        config.rulesets =
            fields.strings("rulesets")?.map { folder.appendingPathComponent($0.0).standardizedFileURL.path } ?? []
        config.include = fields.strings("include")?.map(\.0) ?? []
        config.exclude = fields.strings("exclude")?.map(\.0) ?? []
        config.overrides = parseOverrides(into: &config.entries)
        config.gates.failUnder = score("fail-under")
        config.gates.failOn = choice("fail-on", Severity.self)
        config.gates.maxFindings = fields.count("max-findings", maximum: Int(Int32.max))
        config.minSeverity = choice("min-severity", Severity.self)
        config.format = choice("format", ReportFormat.self)
        return config
    }

    private mutating func score(_ key: String) -> Int? {
        guard let value = fields.number(key, required: false) else { return nil }
        guard (0...100).contains(value) else {
            fields.appendError(fields.error(at: fields.node(key), "'\(key)' must be a score from 0 to 100"))
            return nil
        }
        return Int(value)
    }

    private mutating func choice<T: RawRepresentable<String> & CaseIterable>(_ key: String, _ type: T.Type) -> T? {
        guard let raw = fields.string(key, required: false) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fields.appendError(fields.error(at: fields.node(key), "'\(key)' must be one of \(allowed), not '\(raw)'"))
        return nil
    }

    private func entry(named name: String, kind: CandorConfig.NamedEntry.Kind, at node: Node) -> CandorConfig.NamedEntry
    {
        let mark = node.mark
        return CandorConfig.NamedEntry(name: name, kind: kind, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private mutating func parseOverrides(into entries: inout [CandorConfig.NamedEntry]) -> [String: CandorConfig
        .Override]
    {
        guard let node = fields.node("rules") else { return [:] }
        if node.null != nil { return [:] }
        guard let mapping = node.mapping else {
            fields.appendError(fields.error(at: node, "'rules' must map rule ids or categories to off or a severity"))
            return [:]
        }
        var overrides: [String: CandorConfig.Override] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            entries.append(entry(named: name, kind: .ruleOrCategory, at: key))
            let raw = value.string?.lowercased() ?? (value.bool == false ? "off" : "")
            if raw == "off" || raw == "false" {
                overrides[name] = .off
            } else if let severity = Severity(rawValue: raw) {
                overrides[name] = .severity(severity)
            } else {
                fields.appendError(fields.error(at: value, "'\(name)' must be off, info, warning or error"))
            }
        }
        return overrides
    }
}
