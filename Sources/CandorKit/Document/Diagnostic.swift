/// Something the user should know about a run that is not a finding in the article: a replaced byte,
/// a rule that hit its match limit, a file that could not be read.
public struct Diagnostic: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable { case info, warning, error }

    public let severity: Severity
    public let message: String
    public let ruleId: String?

    public init(severity: Severity, message: String, ruleId: String? = nil) {
        self.severity = severity
        self.message = message
        self.ruleId = ruleId
    }
}
