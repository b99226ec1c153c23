import ArgumentParser
import CandorKit
import Foundation

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Work with rulesets.",
        subcommands: [List.self, Test.self, Docs.self, Lint.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every rule in force, by category.")

        @OptionGroup var rulesets: RulesetOptions

        @Option(help: "Only rules of this category.")
        var category: String?

        @Option(help: "The configuration to apply (default: the .candor.yml nearest the working directory).")
        var config: String?

        func run() throws {
            if let category, Category(rawValue: category) == nil {
                Console.error(
                    "unknown category '\(category)'"
                        + NameSuggestion.hint(for: category, among: Category.allCases.map(\.rawValue)))
                throw ExitCode(ExitStatus.inputError.rawValue)
            }
            let (ruleset, hadErrors) = rulesets.loadInForce(config: config)
            let rules = ruleset.rules.filter { category == nil || $0.category.rawValue == category }
                .sorted { ($0.category, $0.id) < ($1.category, $1.id) }
            let idWidth = rules.map(\.id.count).max() ?? 2
            print("\("ID".padding(idWidth))  \("SEVERITY".padding(8))  WEIGHT  KIND      MESSAGE")
            for rule in rules {
                let kind = rule.isDocumentLevel ? "document" : "span"
                let weight = String(format: "%g", rule.weight)
                print(
                    "\(rule.id.padding(idWidth))  \(rule.severity.rawValue.padding(8))  \(weight.padding(6))  "
                        + "\(kind.padding(8))  \(VisibleText.escape(rule.message, newlines: false))")
            }
            print("\n\(rules.count) rules")
            if hadErrors { throw ExitCode(ExitStatus.inputError.rawValue) }
        }
    }
}

extension Rules {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Check every rule against its own flag and pass examples.")

        @OptionGroup var rulesets: RulesetOptions

        func run() throws {
            let (ruleset, hadErrors) = rulesets.load()
            let failures = ExampleRunner(ruleset: ruleset).run()
            for failure in failures {
                print(VisibleText.escape("\(failure.ruleId): \(failure.problem)\n    \(failure.example)"))
            }
            let examples = ruleset.rules.reduce(0) { $0 + $1.examples.flag.count + $1.examples.pass.count }
            print("\(ruleset.rules.count) rules, \(examples) examples, \(failures.count) failing")
            if hadErrors || !failures.isEmpty { throw ExitCode(ExitStatus.inputError.rawValue) }
        }
    }
}

extension Rules {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint", abstract: "Warn about patterns likely to backtrack catastrophically, before they run.",
            discussion:
                "Exit 0 when every pattern looks safe, 1 when there are warnings, 2 when a ruleset fails to load.")

        @OptionGroup var rulesets: RulesetOptions

        func run() throws {
            let (ruleset, hadErrors) = rulesets.load()
            var count = 0
            for rule in ruleset.rules {
                guard case .span(let span) = rule.kind else { continue }
                for pattern in [span.regex] + span.unless + span.unlessSentence + span.unlessNextSentence {
                    for warning in PatternLint.warnings(for: pattern.pattern) {
                        print(
                            VisibleText.escape(
                                "\(rule.file):\(rule.line): warning: \(rule.id): pattern may backtrack catastrophically: \(warning)"
                            ))
                        count += 1
                    }
                }
            }
            print("\(ruleset.rules.count) rules, \(count) warnings")
            if hadErrors { throw ExitCode(ExitStatus.inputError.rawValue) }
            if count > 0 { throw ExitCode(ExitStatus.gateFailed.rawValue) }
        }
    }

    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs", abstract: "Write the Markdown catalogue of every rule (Rulesets/README.md).")

        @OptionGroup var rulesets: RulesetOptions

        @Option(name: [.short, .long], help: "Write to FILE instead of standard output.")
        var output: String?

        @Option(help: "The configuration to apply (default: the .candor.yml nearest the working directory).")
        var config: String?

        func run() throws {
            let (ruleset, hadErrors) = rulesets.loadInForce(config: config)
            let text = RulesetDocumentation.markdown(for: ruleset)
            if let output {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    Console.error("\(output): cannot write: \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.inputError.rawValue)
                }
            } else {
                print(text, terminator: "")
            }
            if hadErrors { throw ExitCode(ExitStatus.inputError.rawValue) }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
