/// The text `candor explain RULE_ID` prints.
public enum RuleExplanation {
    public static func text(for rule: Rule) -> String {
        var out =
            "\(rule.id)  (\(rule.category.rawValue), \(rule.severity.rawValue), weight \(rule.weight.formatted))\n"
        out += "defined in \(rule.file):\(rule.line)\n\n"
        out += "Message:    \(rule.message)\n"
        out += "Rationale:  \(rule.rationale)\n"
        out += "Suggestion: \(rule.suggestion)\n"
        switch rule.kind {
        case .span(let span):
            if !span.wordClasses.isEmpty {
                let label = span.phrases == nil ? "Written:    " : "Phrases:    "
                out += label + span.written.split(separator: "\n").joined(separator: "\n            ") + "\n"
                out += "Classes:\n"
                for wordClass in span.wordClasses {
                    out += "  {\(wordClass.name)} (\(wordClass.file):\(wordClass.line)): "
                    out += wordClass.words.joined(separator: ", ") + "\n"
                }
            }
            out += "Pattern:    \(span.regex.pattern)\n"
        case .document(let check):
            out += "Check:      \(check)\n"
        case .metadata(let key):
            out += "Metadata:   \(key.rawValue)\n"
        }
        if !rule.examples.flag.isEmpty {
            out += "\nFlagged:\n" + rule.examples.flag.map { "  - \($0)\n" }.joined()
        }
        if !rule.examples.pass.isEmpty {
            out += "\nNot flagged:\n" + rule.examples.pass.map { "  - \($0)\n" }.joined()
        }
        return out
    }
}

extension Double {
    /// A weight or cap without a needless ".0".
    var formatted: String {
        rounded() == self ? String(Int(self)) : String(self)
    }
}
