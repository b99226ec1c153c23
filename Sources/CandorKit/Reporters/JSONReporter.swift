/// The machine-readable report: the JSON contract documented in the README.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: AuditReport) -> String {
        String(decoding: JSONReportWriter.render(report), as: UTF8.self)
    }

    public func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try JSONReportWriter.write(report, to: sink)
    }
}
