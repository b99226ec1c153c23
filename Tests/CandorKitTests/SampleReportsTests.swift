import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// `Reports/` must match what the current rules and reporters say; regenerate with
/// `bash Reports/regenerate.sh`.
@Suite struct SampleReportsTests {
    static let reports = TestSupport.repositoryRoot.appendingPathComponent("Reports")

    /// The articles as `Reports/regenerate.sh` names them, relative to the repository root.
    static let articles: [String] = {
        let own =
            (try? FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent("articles").path))
            ?? []
        // The first customer's article is in ../shared; the project's own sample ships with it.
        let hokanews = SharedData.has("samples") ? ["../shared/samples/hokanews-china-open-source-ai.txt"] : []
        return hokanews + ["Examples/sample-article.txt"]
            + own.filter { $0.hasSuffix(".txt") }.sorted().map { "Reports/articles/" + $0 }
    }()

    static let formats: [(format: ReportFormat, suffix: String)] = [
        (.terminal, "terminal.txt"), (.markdown, "md"), (.html, "html"), (.json, "json"), (.checklist, "checklist.md"),
    ]

    private func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: CandorVersion.current, with: "<version>")
    }

    @Test(arguments: articles)
    func reportsAreCurrent(article: String) throws {
        let bytes = [UInt8](try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(article)))
        let report = AuditReport(
            documents: [TestSupport.auditor.audit(Document(path: article, bytes: bytes))], errors: 0)
        let name = ((article as NSString).lastPathComponent as NSString).deletingPathExtension
        for (format, suffix) in Self.formats {
            let file = Self.reports.appendingPathComponent("\(name).\(suffix)")
            let committed = try String(contentsOf: file, encoding: .utf8)
            let fresh = format.reporter(colors: false).render(report)
            #expect(
                normalised(committed) == normalised(fresh),
                "Reports/\(name).\(suffix) is stale; run: bash Reports/regenerate.sh")
        }
    }

    @Test func indexLinksEveryReport() throws {
        let index = try String(contentsOf: Self.reports.appendingPathComponent("README.md"), encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.reports.path)
            .filter { $0 != "README.md" && $0 != "regenerate.sh" && $0 != "articles" }
        #expect(files.count >= 21)
        for file in files { #expect(index.contains("(\(file))"), "Reports/README.md does not link \(file)") }
        for article in Self.articles where article.hasPrefix("Reports/") {
            #expect(index.contains("(articles/\((article as NSString).lastPathComponent))"))
        }
    }
}
