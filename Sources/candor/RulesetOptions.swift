import ArgumentParser
import CandorKit

/// The `--ruleset` option every command shares, and loading the rules it names.
struct RulesetOptions: ParsableArguments {
    @Option(name: .customLong("ruleset"), help: "A ruleset pack folder to add to the built-in packs (repeatable).")
    var directories: [String] = []

    /// Batch options with the built-in rules, these packs and an optional configuration file.
    func batchOptions(config: String? = nil) -> BatchAuditor.Options {
        var options = BatchAuditor.Options()
        options.extraRulesets = directories
        options.configPath = config
        return options
    }

    /// The rules in force under a configuration (`config`, else the `.candor.yml` nearest the working
    /// directory), as `candor audit` would run them; every ruleset and configuration error is printed.
    func loadInForce(config: String?) -> (ruleset: Ruleset, hadErrors: Bool) {
        let batch = BatchAuditor(options: batchOptions(config: config))
        let ruleset = batch.rulesInForce()
        for error in batch.errors { Console.error(error) }
        return (ruleset, !batch.errors.isEmpty)
    }

    /// Loads built-in and extra packs, printing every ruleset error; the valid rules are still returned.
    func load() -> (ruleset: Ruleset, hadErrors: Bool) {
        let sources =
            [BuiltinRulesets.source()] + directories.map { RulesetLoader.Source(directory: $0, trusted: false) }
        let result = RulesetLoader.load(sources)
        for error in result.errors { Console.error(error.description) }
        return (result.ruleset, !result.errors.isEmpty)
    }
}
