import CandorKit
import Foundation

/// Prints evaluation results in a fixed, greppable layout.
enum EvalPrinter {
    static func sentences(path: String, auditor: Auditor, listErrors: Bool) throws {
        let rows = try SentenceEvaluation.readRows(path: path)
        let outcome = SentenceEvaluation.run(rows, auditor: auditor)
        let metrics = outcome.metrics
        print("sentences: \(rows.count) (\(rows.filter(\.uncertain).count) uncertain) from \(path)")
        print(
            String(
                format: "precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f", metrics.precision, metrics.recall,
                metrics.f1, metrics.accuracy))
        print(
            "confusion: TP \(metrics.truePositives)  FP \(metrics.falsePositives)  TN \(metrics.trueNegatives)  FN \(metrics.falseNegatives)"
        )
        guard listErrors else { return }
        print("\nper rule (sentences fired, share labelled uncertain):")
        for (rule, hits) in outcome.ruleHits.sorted(by: { $0.value.fired > $1.value.fired }) {
            print(
                "  \(rule.padding(40)) \(String(hits.fired).padding(5)) \(percent(Double(hits.uncertain) / Double(hits.fired)))"
            )
        }
        print("\nfalse positives (\(outcome.falsePositives.count)):")
        for (row, rules) in outcome.falsePositives {
            print("  \(row.line): [\(rules.joined(separator: ","))] \(row.sentence)")
        }
        print("\nfalse negatives (\(outcome.falseNegatives.count)):")
        for row in outcome.falseNegatives { print("  \(row.line): \(row.sentence)") }
    }

    static func spans(articles: String, labels: String, auditor: Auditor) throws {
        let result = try SpanEvaluation.run(articles: articles, labels: labels, auditor: auditor)
        print(
            "articles: \(result.articles), labelled spans: \(result.labelledSpans), base rate of labelled text: \(percent(result.baseRate))"
        )
        let categories = Category.allCases.filter { $0.polarity == .negative }
        print("\nlabelled spans overlapping a finding, by technique and category:")
        print("technique".padding(42) + "spans  " + categories.map { $0.rawValue.padding(13) }.joined())
        for technique in result.techniques {
            let row = categories.map { category in
                let hits = result.overlaps[technique]?[category] ?? 0
                return String(hits).padding(13)
            }
            print(technique.padding(42) + String(result.spansPerTechnique[technique] ?? 0).padding(7) + row.joined())
        }
        print("\nfindings inside a labelled span (precision against the base rate):")
        for category in categories {
            let total = result.findingsPerCategory[category] ?? 0
            let inside = result.findingsInsideSpans[category] ?? 0
            let share = total == 0 ? 0 : Double(inside) / Double(total)
            let lift = result.baseRate == 0 ? 0 : share / result.baseRate
            print(
                "  \(category.rawValue.padding(14)) \(String(inside).padding(5))/ \(String(total).padding(6)) \(percent(share))  lift \(String(format: "%.2f", lift))"
            )
        }
    }

    static func ads(responses: String, labels: String, auditor: Auditor, listRules: Bool) throws {
        let result = try AdEvaluation.run(responses: responses, labels: labels, auditor: auditor)
        print("responses: \(result.responses) (\(result.ads) with an ad)")
        print(String(format: "AUC of promotional evidence per 100 words: %.3f", result.auc))
        print(
            "ad spans overlapping a promotional finding: \(result.spansFound) of \(result.ads) (\(percent(result.spanRecall)))"
        )
        print(
            "responses with any promotional finding: ads \(percent(result.flaggedAdShare)), others \(percent(result.flaggedOtherShare))"
        )
        guard listRules else { return }
        print("\nper rule (responses fired: with an ad / without):")
        for (rule, hits) in result.ruleHits.sorted(by: {
            $0.value.ads + $0.value.others > $1.value.ads + $1.value.others
        }) {
            print("  \(rule.padding(40)) \(String(hits.ads).padding(6)) \(hits.others)")
        }
    }

    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
