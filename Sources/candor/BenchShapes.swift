import CandorKit
import Foundation

/// `candor bench --shapes`: hostile shapes of text, each audited at two sizes, the larger twice the
/// smaller and under a megabyte (so neither is matched on all cores). Work linear in the input costs
/// about twice as much for twice the text; the ratio must stay below 2.3 for every shape.
enum BenchShapes {
    struct Shape: Sendable {
        let name: String
        let format: DocumentFormat
        /// The text at `count` repetitions.
        let make: @Sendable (Int) -> String
        let count: Int
    }

    static let limit = 2.3

    static let shapes: [Shape] = [
        Shape(
            name: "'Experts say x. ' on one line", format: .text,
            make: { String(repeating: "Experts say x. ", count: $0) }, count: 30_000),
        Shape(
            name: "'It may rise. ' on one line", format: .text, make: { String(repeating: "It may rise. ", count: $0) },
            count: 35_000),
        Shape(
            name: "'experts say ééé and ' with no full stop", format: .text,
            make: { String(repeating: "experts say ééé and ", count: $0) }, count: 8_000),
        Shape(
            name: "one-line HTML '<p>Experts say x</p>'", format: .html,
            make: { String(repeating: "<p>Experts say x</p>", count: $0) }, count: 20_000),
        Shape(
            name: "unclosed HTML '<p>Experts say x'", format: .html,
            make: { String(repeating: "<p>Experts say x", count: $0) }, count: 25_000),
        Shape(
            name: "one HTML element with many attributes", format: .html,
            make: { "<p " + (0..<$0).map { "a\($0)=\"x\"" }.joined(separator: " ") + ">Experts say x</p>" },
            count: 20_000),
    ]

    /// Times every shape at both sizes and prints the ratios; false if one is over the limit.
    static func run(auditor: Auditor, runs: Int) -> Bool {
        print("shapes (one core, medians of \(runs); doubled input should cost at most \(limit)x):")
        var within = true
        for shape in shapes {
            let times = [shape.count, 2 * shape.count].map { count -> Double in
                let bytes = Array(shape.make(count).utf8)
                return BenchMath.median(
                    (0..<runs).map { _ in
                        ContinuousClock().measure {
                            _ = auditor.audit(Document(path: "shape", bytes: bytes, format: shape.format))
                        }.seconds
                    })
            }
            let ratio = times[1] / max(times[0], 1e-9)
            within = within && ratio <= limit
            print(
                "  \(shape.name.padding(44)) \(String(format: "%7.3f s  %7.3f s  %5.2fx", times[0], times[1], ratio))"
                    + (ratio <= limit ? "" : "  over the limit"))
        }
        return within
    }
}
