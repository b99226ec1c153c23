import Foundation

/// The rules that ship with Candor, compiled into the binary (`EmbeddedRulesets.swift`, generated
/// from `Rulesets/` by `Scripts/embed-rulesets.sh`): a copied or installed binary audits with the
/// same rules, and gives the same output, as a build inside the repository.
///
/// `$CANDOR_RULESETS` names a folder to load instead, so that a rule author can try edits to the
/// rule files without building again.
public enum BuiltinRulesets {
    /// Where the built-in rules come from in this run.
    public static func source(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> RulesetLoader.Source
    {
        if let override = environment["CANDOR_RULESETS"], !override.isEmpty {
            return RulesetLoader.Source(directory: override, trusted: true)
        }
        return RulesetLoader.Source(embedded: embeddedFiles, named: "Rulesets")
    }
}

/// A ruleset or vocabulary file held in memory: its path inside `Rulesets/` (`core/hedging.yml`) and
/// its text.
public struct EmbeddedFile: Sendable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
