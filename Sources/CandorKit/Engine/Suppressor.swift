/// Applies a document's suppression comments to its findings and reports comments that did nothing.
struct Suppressor {
    let document: Document
    private var used: Set<Int> = []

    init(document: Document) { self.document = document }

    private func line(of directive: SuppressionDirective) -> Int {
        document.lines.location(of: directive.range.lowerBound).line
    }

    /// Removes the findings a directive silences, in place, and returns how many there were.
    mutating func remove(from findings: inout [Finding]) -> Int {
        guard !document.directives.isEmpty else { return 0 }
        let before = findings.count
        findings.removeAll { finding in
            guard let directive = silencing(finding) else { return false }
            used.insert(directive)
            return true
        }
        return before - findings.count
    }

    /// The index of the directive that silences `finding`, if any.
    private func silencing(_ finding: Finding) -> Int? {
        let directives = document.directives
        for (index, directive) in directives.enumerated()
        where directive.covers(ruleId: finding.ruleId, category: finding.category) {
            switch directive.kind {
            case .disableNextLine:
                if finding.scope == .span && finding.line == line(of: directive) + 1 { return index }
            case .disable:
                let enable = directives[(index + 1)...].first {
                    $0.kind == .enable && $0.targets == directive.targets
                }
                if finding.scope == .document {
                    if enable == nil { return index }
                } else if finding.line >= line(of: directive), enable.map({ finding.line <= line(of: $0) }) ?? true {
                    return index
                }
            case .enable:
                continue
            }
        }
        return nil
    }

    /// Warnings for directives that silenced nothing, like SwiftLint's superfluous disable command.
    func unusedDirectiveWarnings() -> [Diagnostic] {
        document.directives.enumerated().compactMap { index, directive in
            let target = directive.targets.isEmpty ? "all rules" : directive.targets.joined(separator: " ")
            let location = "\(document.path):\(line(of: directive))"
            switch directive.kind {
            case .enable:
                let opened = document.directives[..<index].contains {
                    $0.kind == .disable && $0.targets == directive.targets
                }
                return opened
                    ? nil
                    : Diagnostic(
                        severity: .warning,
                        message: "\(location): candor-enable \(target) has no matching candor-disable")
            case .disable, .disableNextLine:
                return used.contains(index)
                    ? nil
                    : Diagnostic(
                        severity: .warning,
                        message: "\(location): \(directive.kind.rawValue) \(target) suppressed nothing")
            }
        }
    }
}
