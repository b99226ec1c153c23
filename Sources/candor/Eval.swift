import ArgumentParser
import CandorKit
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the rules against labelled data.",
        discussion: """
            --sentences FILE.tsv: hedge and weasel detection on 'label<TAB>sentence' rows (certain/uncertain).
            --spans ARTICLES LABELS: overlap of findings with propaganda-technique spans (PTC layout).
            --ads RESPONSES LABELS: AUC of promotional evidence per 100 words and recall of ad spans.
            --articles DIR: whole articles against DIR/answers.json (recall by category and signal kind,
            traps, disclosure placement, Spearman of score against expected rank).
            --half first|second: only that fixed half of the --sentences, --ads or --articles data (tune
            on one, check on the other).
            """)

    @Option(help: "A TSV of labelled sentences.")
    var sentences: String?

    @Option(parsing: .upToNextOption, help: "The PTC articles folder and labels folder.")
    var spans: [String] = []

    @Option(parsing: .upToNextOption, help: "The native-ads responses and labels JSONL files.")
    var ads: [String] = []

    @Option(help: "A folder with answers.json and the articles it labels.")
    var articles: String?

    @Option(help: "Only one fixed half of the --sentences, --ads or --articles data: first or second.")
    var half: DevHalf?

    @Flag(help: "List errors and per-rule counts (false positives and negatives with --sentences).")
    var errors = false

    @OptionGroup var rulesets: RulesetOptions

    func validate() throws {
        if sentences == nil && spans.isEmpty && ads.isEmpty && articles == nil {
            throw ValidationError("give --sentences, --spans, --ads or --articles")
        }
        if !spans.isEmpty && spans.count != 2 { throw ValidationError("--spans takes ARTICLES_DIR LABELS_DIR") }
        if !ads.isEmpty && ads.count != 2 { throw ValidationError("--ads takes RESPONSES.jsonl LABELS.jsonl") }
    }

    func run() throws {
        let (ruleset, hadErrors) = rulesets.load()
        let auditor = Auditor(ruleset: ruleset)
        do {
            if let sentences {
                try EvalPrinter.sentences(path: sentences, half: half, auditor: auditor, listErrors: errors)
            }
            if spans.count == 2 { try EvalPrinter.spans(articles: spans[0], labels: spans[1], auditor: auditor) }
            if ads.count == 2 {
                try EvalPrinter.ads(
                    responses: ads[0], labels: ads[1], half: half, auditor: auditor, listRules: errors)
            }
            if let articles {
                try EvalPrinter.articles(directory: articles, half: half, auditor: auditor, listMisses: errors)
            }
        } catch {
            Console.error("\(error)")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        if hadErrors { throw ExitCode(ExitStatus.inputError.rawValue) }
    }
}

extension DevHalf: ExpressibleByArgument {}
