/// GitHub Actions workflow commands, so findings appear as annotations on the pull request diff:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
/// A gate that failed is an `::error` of its own, so a pull request always shows why the check failed.
public struct GitHubReporter: PieceByPieceReporter {
    let gates: Gates.Outcome?

    public init(gates: Gates.Outcome? = nil) { self.gates = gates }

    func emit(_ report: AuditReport, _ out: (String) -> Void) {
        for document in report.documents {
            if let failure = gates?.failure(of: document) {
                out("::error file=\(property(document.path)),title=Candor gate::\(data("Gate failed: " + failure))\n")
            }
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
        for failure in gates?.runFailures ?? [] {
            out("::error title=Candor gate::\(data("Gate failed: " + failure))\n")
        }
    }

    /// Escaping for a command's message, as the Actions runner reads it.
    func data(_ text: String) -> String {
        VisibleText.escape(text).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value, which also may not hold `:` or `,`.
    func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
