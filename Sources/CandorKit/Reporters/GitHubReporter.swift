/// GitHub Actions workflow commands, so findings appear as annotations on the pull request diff:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: AuditReport) -> String {
        var out = ""
        emit(report) { out += $0 }
        return out
    }

    /// Written as it is made: one line per finding, and a large article has tens of thousands.
    public func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try ReportPieces.write(to: sink) { emit(report, $0) }
    }

    private func emit(_ report: AuditReport, _ out: (String) -> Void) {
        for document in report.documents {
            for finding in document.findings where finding.baseline != true {
                let command: String
                switch finding.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                let properties = [
                    "file=\(property(document.path))", "line=\(finding.line)", "col=\(finding.column)",
                    "endLine=\(finding.endLine)", "endColumn=\(finding.endColumn)", "title=\(property(finding.ruleId))",
                ].joined(separator: ",")
                out("::\(command) \(properties)::\(data(finding.message + " " + finding.suggestion))\n")
            }
        }
    }

    /// Escaping for a command's message, as the Actions runner reads it.
    func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value, which also may not hold `:` or `,`.
    func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
