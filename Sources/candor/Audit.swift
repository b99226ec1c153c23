import ArgumentParser
import CandorKit
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit articles and report findings, signals and a transparency score.",
        discussion: "PATH may be a file, a directory (searched for .txt, .md, .markdown, .html, .htm) or - for stdin.")

    @Argument(help: "Files or directories to audit; - reads standard input.")
    var paths: [String]

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .terminal

    @Option(name: [.short, .long], help: "Write the report to FILE instead of standard output.")
    var output: String?

    @OptionGroup var rulesets: RulesetOptions

    @Option(help: "Exit 1 when any document scores below N (0-100).")
    var failUnder: Int?

    @Option(help: "Colour in terminal output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Read every input as this format (text, markdown, html) instead of detecting it.")
    var inputFormat: DocumentFormat?

    @Option(help: "The name to give standard input in reports and for format detection, e.g. draft.md.")
    var stdinFilename: String?

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under takes a score from 0 to 100, not \(failUnder)")
        }
    }

    func run() throws {
        let (ruleset, rulesetErrors) = rulesets.load()
        var failed = rulesetErrors
        let collected = InputCollector.collect(paths)
        for problem in collected.problems { Console.error(problem.description) }
        failed = failed || !collected.problems.isEmpty
        let auditor = Auditor(ruleset: ruleset)
        var documents: [DocumentReport] = []
        for input in collected.inputs {
            switch InputReader.read(input, format: inputFormat, standardInputName: stdinFilename) {
            case .success(let document):
                let report = auditor.audit(document)
                let errors = report.diagnostics.filter { $0.severity == .error }
                for diagnostic in errors { Console.error(diagnostic.message) }
                failed = failed || !errors.isEmpty
                documents.append(report)
            case .failure(let problem):
                Console.error(problem.description)
                failed = true
            }
        }
        let report = AuditReport(documents: documents, errors: rulesetErrors ? 1 : 0)
        let colors = output == nil && color.enabled
        let reporter: any Reporter =
            format == .checklist ? ChecklistReporter(target: failUnder ?? 70) : format.reporter(colors: colors)
        failed = !write(reporter.render(report)) || failed
        if failed { throw ExitCode(ExitStatus.inputError.rawValue) }
        try enforceGates(documents)
    }

    private func write(_ text: String) -> Bool {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return true
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            return true
        } catch {
            Console.error("\(output): cannot write report: \(error.localizedDescription)")
            return false
        }
    }

    private func enforceGates(_ documents: [DocumentReport]) throws {
        guard let failUnder else { return }
        let below = documents.filter { $0.score < failUnder }
        guard !below.isEmpty else { return }
        let worst = below.min { $0.score < $1.score }!
        Console.note(
            "gate failed: \(below.count) of \(documents.count) document(s) scored below \(failUnder) "
                + "(lowest: \(worst.path) at \(worst.score))")
        throw ExitCode(ExitStatus.gateFailed.rawValue)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}

enum ColorChoice: String, ExpressibleByArgument {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .auto: Console.stdoutWantsColor
        case .always: true
        case .never: false
        }
    }
}
