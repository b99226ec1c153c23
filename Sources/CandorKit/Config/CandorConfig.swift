import Foundation
import PCRE2Kit
import Yams

/// A `.candor.yml` file: which rules run and how severe they are, which files are audited, the
/// gates and the output format. Unknown keys and bad values are errors with file, line and column.
public struct CandorConfig: Sendable {
    public static let fileName = ".candor.yml"
    static let keys: Set<String> = [
        "version", "packs", "rulesets", "rules", "include", "exclude", "fail-under", "fail-on", "max-findings",
        "min-severity", "format",
    ]

    /// A rule or category switched off, or given another severity.
    public enum Override: Sendable, Equatable {
        case off
        case severity(Severity)
    }

    public var path: String?
    public var packs: [String]?
    /// Extra ruleset folders, resolved against the config file's folder.
    public var rulesets: [String] = []
    /// Keyed by rule id or category id; a rule id wins over its category.
    public var overrides: [String: Override] = [:]
    public var include: [String] = [] { didSet { includeGlobs = include.compactMap(Glob.compile) } }
    public var exclude: [String] = [] { didSet { excludeGlobs = exclude.compactMap(Glob.compile) } }
    /// The globs compiled once, not once per file walked.
    private var includeGlobs: [Regex] = []
    private var excludeGlobs: [Regex] = []
    public var gates = Gates()
    /// The rule ids, categories and packs the file names, with their places (see `unknownNames`).
    public var entries: [NamedEntry] = []
    public var minSeverity: Severity?
    public var format: ReportFormat?

    public init() {}

    /// The nearest `.candor.yml` in `directory` or above it.
    public static func nearest(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public static func load(path: String) -> (CandorConfig, [RulesetError]) {
        let yaml: String
        switch RulesetLoader.readText(path, limit: FileReader.configurationLimit, what: "configuration") {
        case .success(let text): yaml = text
        case .failure(let error): return (CandorConfig(), [error])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            return (CandorConfig(), [RulesetError(file: path, line: 1, column: 1, message: "invalid YAML: \(error)")])
        }
        guard let node else { return (CandorConfig(), []) }
        var parser = ConfigParser(
            path: path, fields: YAMLFields(node, file: path, allowed: keys, what: "configuration"))
        let config = parser.parse()
        return (config, parser.fields.errors)
    }

    /// Applies `packs` and the overrides to a ruleset.
    public func apply(to ruleset: Ruleset) -> Ruleset {
        var applied = Ruleset(
            rules: ruleset.rules.compactMap { rule in
                if let packs, !packs.contains(rule.pack), rule.pack == "core" { return nil }
                switch overrides[rule.id] ?? overrides[rule.category.rawValue] {
                case .off: return nil
                case .severity(let severity): return rule.with(severity: severity)
                case nil: return rule
                }
            })
        // The word classes stay, for the catalogue and `explain`.
        applied.vocabulary = ruleset.vocabulary
        return applied
    }

    /// Whether a file found by walking a folder should be audited, by the include and exclude globs
    /// (matched against the path relative to the config file's folder).
    public func admits(_ file: String) -> Bool {
        if include.isEmpty && exclude.isEmpty { return true }
        let base =
            path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().standardizedFileURL.path + "/" } ?? ""
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let relative = absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
        if !include.isEmpty && !includeGlobs.contains(where: { $0.matches(relative) }) { return false }
        return !excludeGlobs.contains { $0.matches(relative) }
    }

    /// A commented starter file for `candor init`.
    public static let starter = """
        # Candor configuration (see README.md, "Configuration").
        version: 1

        # Built-in packs to use (default: all).
        # packs: [core]

        # Extra ruleset folders, relative to this file.
        # rulesets: [style/rules]

        # Switch rules or whole categories off, or change their severity (info, warning, error).
        rules:
          # bias: off
          # hedging.vague-quantifier: off
          # unsourced: error

        # Files audited when a folder is given (globs relative to this file; ** crosses folders).
        # include: ["drafts/**/*.md"]
        # exclude: ["drafts/archive/**"]

        # Gates: any one failing makes `candor audit` exit 1.
        # fail-under: 60        # a document scoring below this fails
        # fail-on: warning      # any finding at or above this severity fails
        # max-findings: 50      # more findings than this in the run fails

        # Reporting only; never changes the gates.
        # min-severity: info
        # format: terminal

        """
}
