/// What kind of evidence a rule finds. The ids are a public contract used in JSON, SARIF and configuration.
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case hedging
    case unsourced
    case socialProof = "social-proof"
    case puffery
    case disclaimer
    case bias
    case sponsorship
    case transparency

    /// Whether findings of this category lower the score, raise it, or inform only.
    public enum Polarity: Sendable { case negative, positive, neutral }

    public var polarity: Polarity {
        switch self {
        case .hedging, .unsourced, .socialProof, .puffery, .disclaimer, .bias: .negative
        case .transparency: .positive
        case .sponsorship: .neutral
        }
    }

    /// A short human label for reports.
    public var title: String {
        switch self {
        case .hedging: "Hedging"
        case .unsourced: "Unsourced claims"
        case .socialProof: "Social proof"
        case .puffery: "Puffery"
        case .disclaimer: "Disclaimers"
        case .bias: "Bias"
        case .sponsorship: "Sponsorship"
        case .transparency: "Transparency"
        }
    }

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How serious a finding is; `error` is reserved for problems an editor must fix before publishing.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
