import ArgumentParser
import CandorKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule (message, rationale, suggestion, examples) or, with --scoring, the score.")

    @Argument(help: "The rule id, e.g. unsourced.analysts-expected.")
    var ruleId: String?

    @Flag(help: "Explain how the transparency score is computed.")
    var scoring = false

    @OptionGroup var rulesets: RulesetOptions

    func validate() throws {
        if ruleId == nil && !scoring { throw ValidationError("give a rule id or --scoring") }
    }

    func run() throws {
        if scoring {
            print(ScoringExplanation.text, terminator: "")
            return
        }
        let (ruleset, _) = rulesets.load()
        guard let ruleId, let rule = ruleset.rule(id: ruleId) else {
            Console.error("unknown rule '\(ruleId ?? "")'; run 'candor rules list' to see them")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        print(VisibleText.escape(RuleExplanation.text(for: rule)), terminator: "")
    }
}
