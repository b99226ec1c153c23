import CandorKit
import Foundation

/// Prints evaluation results in a fixed, greppable layout.
enum EvalPrinter {
    static func sentences(path: String, half: DevHalf?, auditor: Auditor, listErrors: Bool) throws {
        var rows = try SentenceEvaluation.readRows(path: path)
        if let half { rows = rows.indices.filter(half.holdsRow).map { rows[$0] } }
        let outcome = SentenceEvaluation.run(rows, auditor: auditor)
        let metrics = outcome.metrics
        let part = half.map { ", \($0.rawValue) half" } ?? ""
        print("sentences: \(rows.count) (\(rows.filter(\.uncertain).count) uncertain) from \(path)\(part)")
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

    static func ads(responses: String, labels: String, half: DevHalf?, auditor: Auditor, listRules: Bool) throws {
        let result = try AdEvaluation.run(responses: responses, labels: labels, auditor: auditor, half: half)
        let part = half.map { ", \($0.rawValue) half" } ?? ""
        print("responses: \(result.responses) (\(result.ads) with an ad)\(part)")
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

    static func articles(directory: String, half: DevHalf?, auditor: Auditor, listMisses: Bool) throws {
        let result = try ArticleEvaluation.run(directory: directory, auditor: auditor, half: half)
        let (found, total) = result.overall
        print("articles: \(result.articles.count) from \(directory)\(half.map { ", \($0.rawValue) half" } ?? "")")
        print(String(format: "must-flag recall %.3f (%d of %d)", result.overallRecall, found, total))
        for (key, counts) in result.recall.sorted(by: { $0.key < $1.key }) {
            let share = counts.total == 0 ? 0 : Double(counts.found) / Double(counts.total)
            print("  \(key.padding(26)) \(String(format: "%.3f", share))  \(counts.found) of \(counts.total)")
        }
        print("trap violations: \(result.violations.count) of \(result.traps)")
        for violation in result.violations {
            print(
                "  \(violation.file): \(violation.category) [\(violation.rules.joined(separator: ","))] "
                    + "\"\(violation.text)\" (\(violation.reason))")
        }
        let placed = result.articles.filter { $0.expectedDisclosure == $0.foundDisclosure }.count
        print("disclosure placement agrees: \(placed) of \(result.articles.count)")
        print(String(format: "Spearman of score against expected rank: %.3f", result.spearman))
        print("scores (expected rank group, disclosure expected/found):")
        for article in result.articles {
            print(
                "  \(article.file.padding(24)) \(String(article.score).padding(4)) group \(article.expectedRankGroup)  "
                    + "\(article.expectedDisclosure)/\(article.foundDisclosure)")
        }
        guard listMisses else { return }
        print("\nmissed must-flag spans (\(result.misses.count)):")
        for miss in result.misses { print("  \(miss.file): \(miss.label) \"\(miss.text)\"") }
    }

    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
