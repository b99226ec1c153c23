import PCRE2Kit
import Yams

/// Turns one `rules:` entry of a ruleset file into a `Rule`, collecting every problem it finds.
struct RuleParser {
    static let ruleKeys: Set<String> = [
        "id", "category", "severity", "weight", "message", "rationale", "suggestion", "pattern", "phrases",
        "caseSensitive", "group", "unless", "unlessSentence", "unlessNextSentence", "signal", "check", "threshold",
        "leadShare",
        "examples", "metadata", "commercial",
    ]
    static let idPattern = try! Regex(#"^[a-z]+(?:-[a-z]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$"#, caseSensitive: true)

    let file: String
    let pack: String
    /// Whether the pack ships with Candor; only reviewed patterns get the JIT (see `Regex.init`).
    let trusted: Bool
    /// The word classes `{name}` may refer to in patterns, phrases and exceptions.
    var vocabulary = Vocabulary()

    func parse(_ node: Node) -> (Rule?, [RulesetError]) {
        var fields = YAMLFields(node, file: file, allowed: Self.ruleKeys, what: "rule")
        let id = fields.string("id")
        let category = parseEnum(Category.self, "category", &fields)
        let severity = parseEnum(Severity.self, "severity", &fields)
        let weight = fields.number("weight")
        let message = fields.string("message")
        let rationale = fields.string("rationale")
        let suggestion = fields.string("suggestion")
        let signal = fields.has("signal") ? parseEnum(Signal.self, "signal", &fields) : nil
        let examples = parseExamples(&fields)
        if let id, let category { validateId(id, category: category, &fields) }
        let kind = parseKind(signal: signal, &fields)
        guard fields.errors.isEmpty, let id, let category, let severity, let weight, let message, let rationale,
            let suggestion, let kind
        else { return (nil, fields.errors) }
        let rule = Rule(
            id: id, pack: pack, category: category, severity: severity, weight: weight, message: message,
            rationale: rationale, suggestion: suggestion, signal: signal, kind: kind, examples: examples,
            file: file, line: node.mark?.line ?? 1)
        return (rule, [])
    }

    private func validateId(_ id: String, category: Category, _ fields: inout YAMLFields) {
        let matches = Self.idPattern.matches(id)
        if !matches || !id.hasPrefix(category.rawValue + ".") {
            fields.appendError(
                fields.error(
                    at: fields.node("id"),
                    "rule id '\(id)' must be '\(category.rawValue).' followed by a kebab-case name"))
        }
    }

    private func parseEnum<T: RawRepresentable<String> & CaseIterable>(
        _ type: T.Type, _ key: String, _ fields: inout YAMLFields
    ) -> T? {
        guard let raw = fields.string(key) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fields.appendError(fields.error(at: fields.node(key), "'\(key)' must be one of \(allowed), not '\(raw)'"))
        return nil
    }

    private func parseExamples(_ fields: inout YAMLFields) -> RuleExamples {
        guard let node = fields.node("examples") else { return RuleExamples() }
        var inner = YAMLFields(node, file: file, allowed: ["flag", "pass"], what: "examples")
        let flag = inner.strings("flag")?.map(\.0) ?? []
        let pass = inner.strings("pass")?.map(\.0) ?? []
        fields.adopt(inner)
        return RuleExamples(flag: flag, pass: pass)
    }

    private func parseKind(signal: Signal?, _ fields: inout YAMLFields) -> Rule.Kind? {
        let sources = ["pattern", "phrases", "check", "metadata"].filter { fields.has($0) }
        guard sources.count == 1 else {
            let problem = sources.isEmpty ? "needs one of" : "takes only one of"
            fields.appendError(fields.error(at: nil, "rule \(problem) 'pattern', 'phrases', 'check' or 'metadata'"))
            return nil
        }
        if sources[0] == "check" { return parseCheck(signal: signal, &fields).map(Rule.Kind.document) }
        if sources[0] == "metadata" {
            return parseEnum(MetadataField.Key.self, "metadata", &fields).map(Rule.Kind.metadata)
        }
        return parseSpan(&fields).map(Rule.Kind.span)
    }

    private func parseCheck(signal: Signal?, _ fields: inout YAMLFields) -> DocumentCheck? {
        guard let name = fields.string("check") else { return nil }
        switch name {
        case "missing-signal":
            guard let signal else {
                fields.appendError(fields.error(at: fields.node("check"), "'missing-signal' needs a 'signal'"))
                return nil
            }
            return .missingSignal(signal)
        case "missing-disclosure":
            return .missingDisclosure(
                commercial: fields.strings("commercial")?.map(\.0) ?? [],
                threshold: fields.number("threshold", required: false) ?? 3)
        case "buried-disclosure":
            return .buriedDisclosure(leadShare: fields.number("leadShare", required: false) ?? 0.2)
        case "one-sided-sourcing":
            return .oneSidedSourcing
        case "promoted-name":
            return .promotedName(threshold: fields.count("threshold", maximum: 10_000) ?? 3)
        default:
            let known = DocumentCheck.names.joined(separator: ", ")
            fields.appendError(fields.error(at: fields.node("check"), "unknown check '\(name)' (known: \(known))"))
            return nil
        }
    }

    private func parseSpan(_ fields: inout YAMLFields) -> SpanMatcher? {
        let caseSensitive = fields.bool("caseSensitive") ?? false
        var source: String?
        var phraseList: [String]?
        var classes: [String] = []
        var written: [String] = []
        let pattern = fields.string("pattern", required: false)
        if let pattern {
            source = expand(pattern, key: "pattern", &classes, &fields)
        } else if let phrases = fields.strings("phrases") {
            if phrases.isEmpty { fields.appendError(fields.error(at: fields.node("phrases"), "'phrases' is empty")) }
            for (phrase, node) in phrases where phrase.trimmingCharacters(in: .whitespaces).isEmpty {
                fields.appendError(fields.error(at: node, "empty phrase"))
            }
            written = phrases.map(\.0)
            do {
                let expanded = try vocabulary.expand(phrases: written)
                phraseList = expanded.phrases
                classes = expanded.used
                source = PhraseTrie(phrases: expanded.phrases).pattern
            } catch {
                fields.appendError(fields.error(at: fields.node("phrases"), "in 'phrases': \(error.message)"))
            }
        }
        let group = fields.count("group", maximum: 65_535) ?? 0
        let regex = source.flatMap {
            compile($0, key: fields.has("pattern") ? "pattern" : "phrases", caseSensitive, &fields)
        }
        let unless = compileList("unless", caseSensitive, &classes, &fields)
        let unlessSentence = compileList("unlessSentence", caseSensitive, &classes, &fields)
        let unlessNextSentence = compileList("unlessNextSentence", caseSensitive, &classes, &fields)
        guard let regex else { return nil }
        if group > regex.captureCount {
            fields.appendError(
                fields.error(
                    at: fields.node("group"), "'group' is \(group) but the pattern has \(regex.captureCount) groups"))
            return nil
        }
        var matcher = SpanMatcher(regex: regex, group: group, unless: unless, unlessSentence: unlessSentence)
        matcher.caseSensitive = caseSensitive
        matcher.unlessNextSentence = unlessNextSentence
        matcher.phrases = phraseList
        matcher.wordClasses = classes.compactMap(vocabulary.wordClass)
        matcher.written = pattern ?? written.joined(separator: "\n")
        return matcher
    }

    private func compileList(
        _ key: String, _ caseSensitive: Bool, _ classes: inout [String], _ fields: inout YAMLFields
    ) -> [Regex] {
        guard let items = fields.strings(key) else { return [] }
        return items.compactMap { item in
            expand(item.0, key: key, &classes, &fields, node: item.1).flatMap {
                compile($0, key: key, caseSensitive, &fields, node: item.1)
            }
        }
    }

    /// A pattern with its word classes expanded; nil, with a located error, for an unknown class.
    private func expand(
        _ pattern: String, key: String, _ classes: inout [String], _ fields: inout YAMLFields, node: Node? = nil
    ) -> String? {
        do {
            let expanded = try vocabulary.expand(pattern: pattern)
            classes += expanded.used.filter { !classes.contains($0) }
            return expanded.pattern
        } catch {
            fields.appendError(fields.error(at: node ?? fields.node(key), "in '\(key)': \(error.message)"))
            return nil
        }
    }

    private func compile(
        _ pattern: String, key: String, _ caseSensitive: Bool, _ fields: inout YAMLFields, node: Node? = nil
    ) -> Regex? {
        do {
            return try Regex(pattern, caseSensitive: caseSensitive, jit: trusted)
        } catch {
            let location = node ?? fields.node(key)
            fields.appendError(
                fields.error(
                    at: location, "invalid regular expression in '\(key)': \(error.message) at offset \(error.offset)"))
            return nil
        }
    }
}
