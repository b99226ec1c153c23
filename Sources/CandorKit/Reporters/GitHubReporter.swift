/// GitHub Actions workflow commands, so findings appear as annotations on the pull request diff:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public struct GitHubReporter: PieceByPieceReporter {
    public init() {}

    func emit(_ report: AuditReport, _ out: (String) -> Void) {
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
                    "endLine=\(finding.endLine)", "endColumn=\(finding.endColumn)",
                    "title=\(property(finding.ruleLabel))",
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
