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

    /// Hashed by case rather than by id (the default for an enum with raw values): categories key
    /// the dictionaries of overlap checks and scores for every document, and hashing the id string
    /// cost more than the lookups.
    public func hash(into hasher: inout Hasher) {
        let ordinal: UInt8 =
            switch self {
            case .hedging: 0
            case .unsourced: 1
            case .socialProof: 2
            case .puffery: 3
            case .disclaimer: 4
            case .bias: 5
            case .sponsorship: 6
            case .transparency: 7
            }
        hasher.combine(ordinal)
    }
}

/// How serious a finding is; `error` is reserved for problems an editor must fix before publishing.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
