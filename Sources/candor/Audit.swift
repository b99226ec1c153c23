import ArgumentParser
import CandorKit
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit articles and report findings, signals and a transparency score.",
        discussion: """
            PATH may be a file, a directory (searched for .txt, .md, .markdown, .html, .htm) or - for stdin. \
            Gates (--fail-under, --fail-on, --max-findings) set the exit code; --min-severity only filters \
            what is shown.
            """)

    @Argument(help: "Files or directories to audit; - reads standard input.")
    var paths: [String] = []

    @Option(
        help:
            "Stream mode: read {\"id\", \"text\", \"format\"?} JSON lines from FILE (- for stdin), write one result line each."
    )
    var jsonl: String?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat?

    @Option(name: [.short, .long], help: "Write the report to FILE instead of standard output.")
    var output: String?

    @Option(name: .customLong("report"), help: "Also write FORMAT to PATH, e.g. sarif:candor.sarif (repeatable).")
    var reports: [ReportTarget] = []

    @OptionGroup var rulesets: RulesetOptions

    @Option(help: "Use this configuration file instead of the nearest .candor.yml.")
    var config: String?

    @Option(help: "Exit 1 when any document scores below N (0-100).")
    var failUnder: Int?

    @Option(help: "Exit 1 when any finding is at or above this severity (info, warning, error).")
    var failOn: Severity?

    @Option(help: "Exit 1 when the run has more than N findings (baseline findings excluded).")
    var maxFindings: Int?

    @Option(help: "Only show findings at or above this severity; gates are unaffected.")
    var minSeverity: Severity?

    @Option(help: "Leave the findings recorded in FILE out of the gates (they are reported as baseline).")
    var baseline: String?

    @Option(help: "Record the current findings in FILE as a baseline.")
    var writeBaseline: String?

    @Option(help: "Colour in terminal output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Read every input as this format (text, markdown, html) instead of detecting it.")
    var inputFormat: DocumentFormat?

    @Option(help: "The name to give standard input in reports and for format detection, e.g. draft.md.")
    var stdinFilename: String?

    @Option(help: "Skip, with an error, any input larger than N bytes (default 64 MiB).")
    var maxBytes: Int = InputReader.defaultMaximumBytes

    func validate() throws {
        if paths.isEmpty && jsonl == nil { throw ValidationError("give at least one PATH, or --jsonl FILE") }
        if !paths.isEmpty && jsonl != nil {
            throw ValidationError("--jsonl reads its documents from the stream, not from PATH")
        }
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under takes a score from 0 to 100, not \(failUnder)")
        }
        if let maxFindings, maxFindings < 0 { throw ValidationError("--max-findings takes a count of 0 or more") }
    }

    func run() throws {
        if let jsonl { return try stream(jsonl) }
        var options = rulesets.batchOptions(config: config)
        options.inputFormat = inputFormat
        options.standardInputName = stdinFilename
        options.maximumBytes = maxBytes
        var failed = false
        let batch = BatchAuditor(options: options)
        let collected = InputCollector.collect(paths)
        var outputs = reports.map { (flag: "--report \($0.format.rawValue):\($0.path)", path: $0.path) }
        if let output { outputs.insert((flag: "--output", path: output), at: 0) }
        if let writeBaseline { outputs.append((flag: "--write-baseline", path: writeBaseline)) }
        if let conflict = OutputPaths.conflict(outputs: outputs, inputs: collected.inputs.compactMap(\.path)) {
            Console.error(conflict)
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        for problem in collected.problems { Console.error(problem.description) }
        failed = failed || !collected.problems.isEmpty
        // One rule for which configuration applies (see README, "Configuration"): `--config`, else the
        // one nearest each file. Rules and the per-document gates are each document's own; the
        // run's settings (format, max-findings, min-severity) are those of the first input's.
        let settings = batch.config(for: collected.inputs.first ?? .standardInput)
        var configs: [String: CandorConfig] = [:]
        for input in collected.inputs { if let path = input.path { configs[path] = batch.config(for: input) } }
        let outcomes = Progress.run(collected.inputs, batch: batch)
        for error in batch.errors { Console.error(error) }
        failed = failed || !batch.errors.isEmpty
        var documents: [DocumentReport] = []
        for outcome in outcomes {
            switch outcome {
            case .report(let report):
                let errors = report.diagnostics.filter { $0.severity == .error }
                for diagnostic in report.diagnostics {
                    if diagnostic.severity == .error {
                        Console.error(diagnostic.message)
                    } else {
                        Console.warning(diagnostic.message)
                    }
                }
                failed = failed || !errors.isEmpty
                documents.append(report)
            case .problem(let message):
                Console.error(message)
                failed = true
            case .skipped:
                continue
            }
        }
        let (wroteAll, gates, baselineFailed) = finish(
            documents, settings: settings, configs: configs, rules: batch.rulesInForce())
        failed = failed || baselineFailed
        // Writing a baseline records where things stand: its gates are reported, never failed.
        if gates.failed { Console.note(gates.summary) }
        if writeBaseline != nil && !failed && wroteAll { return }
        // Errors outrank a failed gate: exit 2 says the run itself was incomplete.
        if failed || !wroteAll { throw ExitCode(ExitStatus.inputError.rawValue) }
        if gates.failed { throw ExitCode(ExitStatus.gateFailed.rawValue) }
    }

    /// Applies the baseline, writes every report and evaluates the gates.
    private func finish(
        _ audited: [DocumentReport], settings: CandorConfig, configs: [String: CandorConfig] = [:], rules: Ruleset
    ) -> (wroteAll: Bool, gates: Gates.Outcome, baselineFailed: Bool) {
        var documents = audited
        var baselineScores: [String: Int]?
        var baselineFailed = false
        if let baseline {
            // A baseline that cannot be read is an input error, but every report is still written.
            do throws(GateError) {
                let loaded = try Baseline.load(path: baseline)
                documents = loaded.apply(to: documents)
                baselineScores = loaded.scores
            } catch {
                Console.error(error.description)
                baselineFailed = true
            }
        }
        var ok = true
        if let writeBaseline {
            ok = ReportWriter.write(Baseline(documents: documents).encoded(), to: writeBaseline) && ok
        }
        var gates = settings.gates
        gates.failUnder = failUnder ?? gates.failUnder
        gates.failOn = failOn ?? gates.failOn
        gates.maxFindings = maxFindings ?? gates.maxFindings
        // Options on the command line apply to every document; otherwise each document's own file does.
        let outcome = gates.evaluate(documents, baselineScores: baselineScores) { document in
            let own = configs[document.path]?.gates ?? settings.gates
            return Gates(failUnder: failUnder ?? own.failUnder, failOn: failOn ?? own.failOn)
        }
        let shown = Self.filtered(documents, minimum: minSeverity ?? settings.minSeverity)
        let report = AuditReport(documents: shown, errors: 0)
        let context = ReportContext(
            colors: output == nil && color.enabled, rules: rules.rules, target: gates.failUnder ?? 70, gates: outcome)
        let main = (format ?? settings.format ?? .terminal).reporter(context)
        let produceMain: ReportWriter.Producer = { try main.write(report, to: $0) }
        ok = (output.map { ReportWriter.write(to: $0, produceMain) } ?? ReportWriter.standardOutput(produceMain)) && ok
        var fileContext = context
        fileContext.colors = false
        for target in reports {
            let reporter = target.format.reporter(fileContext)
            ok = ReportWriter.write(to: target.path) { try reporter.write(report, to: $0) } && ok
        }
        return (ok, outcome, baselineFailed)
    }

    /// `--jsonl`: one result line per input line, in order, with flat memory.
    private func stream(_ source: String) throws {
        let batch = BatchAuditor(options: rulesets.batchOptions(config: config))
        // The batch's own auditor: building another would compile the rules and the shared pass again.
        let auditor = batch.auditorInForce()
        for error in batch.errors { Console.error(error) }
        // A named stream must be a regular file: a device or FIFO would never end (or never start).
        if source != "-", case .failure(let failure) = FileReader.regularFile(source) {
            Console.error("\(source): cannot read: \(failure.reason)")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        guard let input = source == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: source) else {
            Console.error("\(source): cannot read")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        var stream = JSONLStream(auditor: auditor)
        // A line holds one article and the JSON around it.
        stream.maximumLineBytes = maxBytes > Int.max - (64 << 10) ? .max : maxBytes + (64 << 10)
        stream.maximumTextBytes = maxBytes
        let errors = stream.run(input: input) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        if errors > 0 { Console.error("\(errors) line(s) could not be audited; see their error objects") }
        if errors > 0 || !batch.errors.isEmpty { throw ExitCode(ExitStatus.inputError.rawValue) }
    }

    static func filtered(_ documents: [DocumentReport], minimum: Severity?) -> [DocumentReport] {
        guard let minimum else { return documents }
        return documents.map { document in
            var shown = document
            shown.findings = document.findings.filter { $0.severity >= minimum }
            return shown
        }
    }
}

/// `--report FORMAT:PATH`.
struct ReportTarget: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(argument[..<colon])),
            argument.index(after: colon) < argument.endIndex
        else { return nil }
        self.format = format
        self.path = String(argument[argument.index(after: colon)...])
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

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
