import ArgumentParser
import CandorKit
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two drafts: score change and the findings added and removed.")

    @Argument(help: "The earlier draft.")
    var old: String

    @Argument(help: "The later draft.")
    var new: String

    @Option(help: "Output format: terminal, markdown or json.")
    var format: ReportFormat = .terminal

    @Flag(help: "Exit 1 when the later draft scores lower.")
    var failOnRegression = false

    @OptionGroup var rulesets: RulesetOptions

    func validate() throws {
        guard [.terminal, .markdown, .json].contains(format) else {
            throw ValidationError("candor diff writes terminal, markdown or json")
        }
    }

    func run() throws {
        let batch = BatchAuditor(options: rulesets.batchOptions())
        let outcomes = batch.audit([.file(old), .file(new)])
        for error in batch.errors { Console.error(error) }
        guard case .report(let before) = outcomes[0], case .report(let after) = outcomes[1] else {
            for case .problem(let message) in outcomes { Console.error(message) }
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        let comparison = DraftComparison(old: before, new: after)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(comparison), as: UTF8.self))
        default:
            print(VisibleText.escape(comparison.render(markdown: format == .markdown)), terminator: "")
        }
        if !batch.errors.isEmpty { throw ExitCode(ExitStatus.inputError.rawValue) }
        if failOnRegression && comparison.regressed {
            Console.note("regression: score fell from \(comparison.old.score) to \(comparison.new.score)")
            throw ExitCode(ExitStatus.gateFailed.rawValue)
        }
    }
}
