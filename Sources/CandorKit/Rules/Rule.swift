import PCRE2Kit

/// One rule loaded from a ruleset file: what it finds, how it is reported and weighed, and its examples.
public struct Rule: Sendable {
    public let id: String
    public let pack: String
    public let category: Category
    public let severity: Severity
    public let weight: Double
    public let message: String
    public let rationale: String
    public let suggestion: String
    /// What kind of evidence a signal or disclosure rule contributes, for the document-level checks.
    public let signal: Signal?
    public let kind: Kind
    public let examples: RuleExamples
    /// Where the rule was defined, for error messages.
    public let file: String
    public let line: Int

    /// The two ways a rule finds things.
    public enum Kind: Sendable {
        case span(SpanMatcher)
        case document(DocumentCheck)
        /// Evidence read from the document's metadata (front matter, HTML head) rather than its prose.
        case metadata(MetadataField.Key)
    }

    public var isDocumentLevel: Bool {
        if case .document = kind { return true }
        return false
    }

    /// The same rule at another severity, for configuration overrides.
    public func with(severity: Severity) -> Rule {
        Rule(
            id: id, pack: pack, category: category, severity: severity, weight: weight, message: message,
            rationale: rationale, suggestion: suggestion, signal: signal, kind: kind, examples: examples, file: file,
            line: line)
    }

    public var isMetadata: Bool {
        if case .metadata = kind { return true }
        return false
    }

    /// The regular expression source, if this is a span rule; for `explain` and listings.
    public var patternSource: String? {
        if case .span(let matcher) = kind { return matcher.regex.pattern }
        return nil
    }
}

/// Evidence kinds that document-level checks look for.
public enum Signal: String, Sendable, Codable, CaseIterable {
    case byline
    case dateline
    case namedSource = "named-source"
    case attributedData = "attributed-data"
    case link
    case expertise
    case correction
    case disclosure
    /// When the piece was published or updated, as a line of its own or beside the byline.
    case publicationDate = "publication-date"
    /// A document the claim rests on: a filing, an indictment, a memo, a report, a dataset.
    case citedDocument = "cited-document"
    /// A newswire's credit on a press release (/PRNewswire/, Business Wire): it discloses the text
    /// as a release, wherever it stands.
    case wireCredit = "wire-credit"

    /// The kind a document check counts this signal as: a publication date answers "no date" as a
    /// dateline does, and a wire credit discloses a press release as a disclosure does.
    public var countsAs: Signal {
        switch self {
        case .publicationDate: .dateline
        case .wireCredit: .disclosure
        default: self
        }
    }

    /// Hashed by case rather than by id, as `Category` is: signals key the scores of every document.
    public func hash(into hasher: inout Hasher) {
        let ordinal: UInt8 =
            switch self {
            case .byline: 0
            case .dateline: 1
            case .namedSource: 2
            case .attributedData: 3
            case .link: 4
            case .expertise: 5
            case .correction: 6
            case .disclosure: 7
            case .publicationDate: 8
            case .citedDocument: 9
            case .wireCredit: 10
            }
        hasher.combine(ordinal)
    }
}

/// The compiled form of a span rule: the pattern plus the exceptions that veto a candidate.
public struct SpanMatcher: Sendable {
    public let regex: Regex
    /// The capture group whose range is reported (0 for the whole match).
    public let group: Int
    /// A candidate is dropped when any of these matches overlaps it within its sentence.
    public let unless: [Regex]
    /// A candidate is dropped when any of these matches anywhere in its sentence.
    public let unlessSentence: [Regex]
    /// A candidate is dropped when any of these matches the sentence after its own (a figure whose
    /// source follows it).
    public var unlessNextSentence: [Regex] = []
    /// The phrase list the pattern was compiled from, if the rule gave one.
    public var phrases: [String]? = nil
    public var caseSensitive = false
    /// The word classes the rule's pattern, phrases or exceptions refer to, as they were expanded.
    public var wordClasses: [Vocabulary.WordClass] = []
    /// The pattern, or the phrases one to a line, as the rule file gives them (classes unexpanded).
    public var written = ""
}

/// Examples that must be flagged (with the flagged span between « and ») and that must pass.
public struct RuleExamples: Sendable {
    public let flag: [String]
    public let pass: [String]

    public init(flag: [String] = [], pass: [String] = []) {
        self.flag = flag
        self.pass = pass
    }
}
