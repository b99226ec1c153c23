import Foundation

/// The machine-readable report: the JSON contract documented in the README.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: AuditReport) -> String {
        String(decoding: JSONReportWriter.render(report), as: UTF8.self)
    }

    /// The same report through `JSONEncoder`, which `render` matches byte for byte; kept to check that.
    static func encoded(_ report: AuditReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
