/// The machine-readable report: the JSON contract documented in the README.
public struct JSONReporter: Reporter {
    /// Whether documents are rendered on all cores (the same bytes either way); off to time one core.
    public var onAllCores: Bool

    public init(onAllCores: Bool = true) {
        self.onAllCores = onAllCores
    }

    public func render(_ report: AuditReport) -> String {
        String(decoding: JSONReportWriter.render(report), as: UTF8.self)
    }

    public func write(_ report: AuditReport, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try JSONReportWriter.write(report, onAllCores: onAllCores, to: sink)
    }
}
