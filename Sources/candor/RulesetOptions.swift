import ArgumentParser
import CandorKit

/// The `--ruleset` option every command shares, and loading the rules it names.
struct RulesetOptions: ParsableArguments {
    @Option(name: .customLong("ruleset"), help: "A ruleset pack folder to add to the built-in packs (repeatable).")
    var directories: [String] = []

    /// Batch options with the built-in rules, these packs and an optional configuration file.
    func batchOptions(config: String? = nil) -> BatchAuditor.Options {
        var options = BatchAuditor.Options()
        options.builtinRulesets = BuiltinRulesets.directory()
        options.extraRulesets = directories
        options.configPath = config
        return options
    }

    /// Loads built-in and extra packs, printing every ruleset error; the valid rules are still returned.
    func load() -> (ruleset: Ruleset, hadErrors: Bool) {
        var sources = directories.map { RulesetLoader.Source(directory: $0, trusted: false) }
        var hadErrors = false
        if let builtin = BuiltinRulesets.directory() {
            sources.insert(RulesetLoader.Source(directory: builtin, trusted: true), at: 0)
        } else {
            Console.error("built-in rulesets not found; set CANDOR_RULESETS to the Rulesets folder")
            hadErrors = true
        }
        let result = RulesetLoader.load(sources)
        for error in result.errors { Console.error(error.description) }
        return (result.ruleset, hadErrors || !result.errors.isEmpty)
    }
}
