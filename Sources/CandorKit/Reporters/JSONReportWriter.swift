import Foundation

/// Writes the JSON report straight into bytes, field by field, in the layout `JSONEncoder` gives with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` (a test checks they are byte for byte the
/// same). `JSONEncoder` first builds a tree of the whole report, which for one large document holds
/// every finding twice over; this writer holds only the output, and with a sink not even that: it
/// hands the output over in pieces of about a megabyte as it goes.
struct JSONReportWriter: ~Copyable {
    private var bytes = ByteBuffer()
    private var depth = 0
    /// Whether the object or array open at each depth has had a member yet, one bit per depth: a
    /// report nests six deep at most, and a bit costs less than an array of flags at every field.
    private var hasMembers: UInt64 = 0
    private var pieces: PieceSink?
    private var onAllCores = false
    /// One line, as `JSONEncoder` writes without `.prettyPrinted`: no line breaks, no indents, and
    /// no spaces around the colons.
    private var compact = false

    static func render(_ report: AuditReport) -> [UInt8] {
        var writer = JSONReportWriter()
        writer.write(report)
        writer.raw("\n")
        return writer.bytes.array
    }

    /// One document's object on one line, as `JSONEncoder` writes it with `.sortedKeys,
    /// .withoutEscapingSlashes` (a test checks they are the same bytes): a result line of `--jsonl`.
    static func line(_ document: DocumentReport) -> [UInt8] {
        var writer = JSONReportWriter()
        writer.compact = true
        withUnsafePointer(to: document) { writer.write($0) }
        return writer.bytes.array
    }

    static func write(
        _ report: AuditReport, onAllCores: Bool = true, to sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try withoutActuallyEscaping(sink) { sink in
            var writer = JSONReportWriter()
            writer.onAllCores = onAllCores
            writer.pieces = PieceSink(sink)
            writer.write(report)
            writer.raw("\n")
            writer.handOver()
            try writer.pieces?.finish()
        }
    }

    /// Passes what is written so far to the sink, once a piece is full (or at the end).
    private mutating func handOver(ifAtLeast size: Int = 0) {
        guard pieces != nil, bytes.count >= size else { return }
        bytes.withBytes { pieces?.handOver($0) }
        bytes.removeAll()
    }

    private mutating func write(_ report: AuditReport) {
        open("{")
        documents(report.documents)
        key("summary")
        write(report.summary)
        key("tool")
        open("{")
        field("name", report.tool.name)
        field("version", report.tool.version)
        close("}")
        field("version", report.version)
        close("}")
    }

    private mutating func write(_ summary: AuditReport.Summary) {
        open("{")
        field("documents", summary.documents)
        field("errors", summary.errors)
        field("findings", summary.findings)
        if let value = summary.maxScore { field("maxScore", value) }
        if let value = summary.meanScore { field("meanScore", value) }
        if let value = summary.medianScore { field("medianScore", value) }
        if let value = summary.minScore { field("minScore", value) }
        field("signals", summary.signals)
        close("}")
    }

    /// Read where it lies: a copy of a report retained and released each of its strings and arrays.
    private mutating func write(_ document: UnsafePointer<DocumentReport>) {
        open("{")
        field("base", document.pointee.base)
        array("breakdown", document.pointee.breakdown) { writer, line in
            writer.open("{")
            writer.field("category", line.pointee.category)
            writer.field("points", line.pointee.points)
            writer.field("reason", line.pointee.reason)
            writer.close("}")
        }
        array("diagnostics", document.pointee.diagnostics) { writer, diagnostic in
            writer.open("{")
            writer.field("message", diagnostic.pointee.message)
            if let rule = diagnostic.pointee.ruleId { writer.field("ruleId", rule) }
            writer.field("severity", diagnostic.pointee.severity.rawValue)
            writer.close("}")
        }
        array("findings", document.pointee.findings) { $0.write($1) }
        field("format", document.pointee.format.rawValue)
        field("grade", document.pointee.grade)
        field("path", document.pointee.path)
        field("score", document.pointee.score)
        array("signals", document.pointee.signals) { $0.write($1) }
        field("suppressed", document.pointee.suppressed)
        field("wordCount", document.pointee.wordCount)
        close("}")
    }

    /// The documents, each rendered on its own at this depth, a wave of them at a time on all cores,
    /// and joined in order: the output is the same bytes one core would write, and at most one wave
    /// of rendered documents is held at once. A document with many findings is written here as it
    /// goes instead, so a large article's report is never held whole.
    private mutating func documents(_ documents: [DocumentReport]) {
        guard onAllCores else { return array("documents", documents) { $0.write($1) } }
        key("documents")
        open("[")
        let wave = 64 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < documents.count {
            var end = start
            while end < documents.count, end - start < wave, !Self.isLarge(documents[end]) { end += 1 }
            for document in Self.renderConcurrently(documents[start..<end], depth: depth) {
                separate()
                document.withUnsafeBytes { bytes.append($0) }
                handOver(ifAtLeast: PieceSink.pieceSize)
            }
            if end < documents.count, Self.isLarge(documents[end]) {
                separate()
                documents.withUnsafeBufferPointer { write($0.baseAddress! + end) }
                handOver(ifAtLeast: PieceSink.pieceSize)
                end += 1
            }
            start = end
        }
        close("]")
    }

    private static func isLarge(_ document: DocumentReport) -> Bool {
        document.findings.count + document.signals.count > 1_000
    }

    private static func renderConcurrently(_ documents: ArraySlice<DocumentReport>, depth: Int) -> [[UInt8]] {
        let slots = Slots<[UInt8]>(count: documents.count, initial: [])
        documents.withUnsafeBufferPointer { documents in
            // Only read, and only until every worker is done.
            nonisolated(unsafe) let documents = documents
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                var writer = JSONReportWriter()
                writer.depth = depth
                writer.write(documents.baseAddress! + index)
                slots[index] = writer.bytes.array
            }
        }
        return slots.values
    }

    /// A named array, each element on its own line.
    private mutating func array<Element>(
        _ name: StaticString, _ elements: [Element],
        _ write: (inout JSONReportWriter, UnsafePointer<Element>) -> Void
    ) {
        key(name)
        open("[")
        // Each element is read where it lies: passed by value, each was copied, and a finding's copy
        // retained and released every one of its strings.
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                separate()
                write(&self, elements.baseAddress! + index)
                handOver(ifAtLeast: PieceSink.pieceSize)
            }
        }
        close("]")
    }

    private mutating func write(_ finding: UnsafePointer<Finding>) {
        open("{")
        array("alsoMatched", finding.pointee.alsoMatched) { $0.string($1.pointee) }
        if let baseline = finding.pointee.baseline { field("baseline", baseline) }
        field("byteEnd", finding.pointee.byteEnd)
        field("byteStart", finding.pointee.byteStart)
        field("category", finding.pointee.category.rawValue)
        field("column", finding.pointee.column)
        field("endColumn", finding.pointee.endColumn)
        field("endLine", finding.pointee.endLine)
        field("fingerprint", finding.pointee.fingerprint)
        field("line", finding.pointee.line)
        field("message", finding.pointee.message)
        field("ruleId", finding.pointee.ruleId)
        field("scope", finding.pointee.scope.rawValue)
        field("severity", finding.pointee.severity.rawValue)
        field("suggestion", finding.pointee.suggestion)
        field("text", finding.pointee.text)
        close("}")
    }

    // MARK: Layout

    private mutating func open(_ bracket: StaticString) {
        raw(bracket)
        depth += 1
        precondition(depth < 64, "a report nests a few levels deep")
        hasMembers &= ~(1 << depth)
    }

    /// An empty object or array still gets its line break and indented closing bracket.
    private mutating func close(_ bracket: StaticString) {
        let hadMembers = hasMembers & (1 << depth) != 0
        depth -= 1
        if !compact {
            raw("\n")
            if !hadMembers { raw("\n") }
            indent()
        }
        raw(bracket)
    }

    /// Starts a member of the current object or array on its own line.
    private mutating func separate() {
        let comma = noteMember()
        if compact {
            if comma { bytes.append(0x2C) }
            return
        }
        bytes.appendLineStart(comma: comma, indent: depth * 2)
    }

    /// Starts a member of the current object with its key: the report's own names, which need no escaping.
    private mutating func key(_ name: StaticString) {
        let comma = noteMember()
        bytes.appendMember(name, comma: comma, indent: compact ? nil : depth * 2)
    }

    /// Notes a member of the object or array open at this depth; whether one came before it, and so
    /// a comma goes first.
    private mutating func noteMember() -> Bool {
        let comma = hasMembers & (1 << depth) != 0
        hasMembers |= 1 << depth
        return comma
    }

    private mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    private mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        decimal(value)
    }

    private mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        raw(value ? "true" : "false")
    }

    /// Whole numbers without a fraction, others in their shortest exact form, as `JSONEncoder` writes them.
    private mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        if value.rounded() == value, abs(value) < 1e15 {
            decimal(Int(value))
        } else {
            var text = String(value)
            text.withUTF8 { bytes.append($0) }
        }
    }

    private mutating func indent() { bytes.append(repeating: 0x20, count: depth * 2) }

    /// Literal layout text, copied straight from the binary: the writer appends it between every field.
    private mutating func raw(_ text: StaticString) { bytes.append(text) }

    /// An integer's digits, written without building a string for each of a report's many numbers.
    private mutating func decimal(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            bytes.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Quotes and escapes: `"`, `\`, and control characters; everything else, `/` and non-ASCII
    /// included, is written as it is.
    private mutating func string(_ text: String) {
        // Read in place where the string is contiguous, as every native one is: the copy that
        // `withUTF8` needs retained and released it.
        if let written: Void = text.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) { return written }
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// Runs that need no escape are copied whole: most of a report is plain text, and most of its
    /// strings need none at all, so they are looked over first and copied with their quotes at once.
    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index + 8 <= utf8.count, !Self.mayNeedEscape(eightAt: index, in: utf8) { index += 8 }
        while index < utf8.count, !Self.needsEscape(utf8[index]) { index += 1 }
        if index == utf8.count { return bytes.appendQuoted(utf8) }
        bytes.append(0x22)
        var run = 0
        while index < utf8.count {
            // Eight bytes that need no escape, the common case, are passed over together.
            if index + 8 <= utf8.count, !Self.mayNeedEscape(eightAt: index, in: utf8) {
                index += 8
                continue
            }
            let byte = utf8[index]
            index += 1
            guard Self.needsEscape(byte) else { continue }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[run..<index - 1]))
            escape(byte)
            run = index
        }
        bytes.append(UnsafeBufferPointer(rebasing: utf8[run...]))
        bytes.append(0x22)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// Whether any of the eight bytes at `index` is a control character, `"` or `\`.
    private static func mayNeedEscape(eightAt index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let eight = EightBytes.load(utf8, at: index)
        return EightBytes.containsByte(below: 0x20, in: eight) || EightBytes.contains(0x22, in: eight)
            || EightBytes.contains(0x5C, in: eight)
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
            let hex = String(byte, radix: 16)
            var text = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            text.withUTF8 { bytes.append($0) }
        }
    }
}
