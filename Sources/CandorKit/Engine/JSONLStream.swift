import Foundation

/// Audits a stream of JSON lines (`{"id": …, "text": …, "format"?: …}`), writing one result line per
/// input line in the same order: the document report with the input's `id`, or an error object for
/// a line that cannot be read. Lines are read, audited (a batch at a time, on all cores) and written
/// as they come, so memory stays flat whatever the length of the stream.
public struct JSONLStream: Sendable {
    public let auditor: Auditor
    public var batchSize = 128
    /// The longest line taken (16 MiB by default): a longer one is an error line of its own, and
    /// what it holds past the limit is skipped as it comes rather than held.
    public var maximumLineBytes = 16 << 20
    /// The largest article a line may hold, as `--max-bytes` is for files.
    public var maximumTextBytes = InputReader.defaultMaximumBytes

    public init(auditor: Auditor) { self.auditor = auditor }

    struct Request: Decodable {
        let id: JSONScalar
        let text: String
        let format: DocumentFormat?
    }

    /// Reads from `input` until its end, calling `emit` with each output line; returns the number of
    /// lines that were errors.
    public func run(input: FileHandle, emit: (String) -> Void) -> Int {
        var failure: String?
        let errors = run(
            nextChunk: {
                // A read that fails (a closed descriptor) ends the stream with an error line.
                do {
                    guard let chunk = try input.read(upToCount: 64 << 10), !chunk.isEmpty else { return nil }
                    return chunk
                } catch {
                    failure = FileReader.reason(error)
                    return nil
                }
            }, emit: emit)
        guard let failure else { return errors }
        emit(Self.errorLine(number: 0, message: "cannot read the input: \(failure)"))
        return errors + 1
    }

    /// The same over chunks of input however they fall (nil at the end).
    func run(nextChunk: () -> Data?, emit: (String) -> Void) -> Int {
        var errors = 0
        var batch: [(number: Int, line: Data?)] = []
        var lineNumber = 0
        func flush() {
            for line in process(batch) {
                if line.hasPrefix("{\"error\"") { errors += 1 }
                emit(line)
            }
            batch.removeAll(keepingCapacity: true)
        }
        // Bytes read and not yet taken as lines start at `consumed`; none before `searched` is a line
        // feed. What lines took is dropped once a chunk, not once a line: dropping it at every line
        // moved the rest of the chunk each time.
        var pending: [UInt8] = []
        var consumed = 0
        var searched = 0
        // Within a line longer than the limit: its bytes are dropped until its line feed.
        var skipping = false
        func tooLong() {
            lineNumber += 1
            batch.append((lineNumber, nil))
            if batch.count >= batchSize { flush() }
        }
        while let chunk = nextChunk() {
            pending.removeSubrange(0..<consumed)
            searched -= consumed
            consumed = 0
            pending.append(contentsOf: chunk)
            while let newline = pending.withUnsafeBufferPointer({ $0.firstIndex(of: 0x0A, in: searched..<$0.count) }) {
                if skipping {
                    skipping = false
                } else if newline - consumed > maximumLineBytes {
                    tooLong()
                } else {
                    lineNumber += 1
                    batch.append((lineNumber, Data(pending[consumed..<newline])))
                    if batch.count >= batchSize { flush() }
                }
                consumed = newline + 1
                searched = consumed
            }
            searched = pending.count
            if pending.count - consumed > maximumLineBytes {
                if !skipping { tooLong() }
                skipping = true
                (consumed, searched) = (pending.count, pending.count)
            }
        }
        if consumed < pending.count && !skipping {
            lineNumber += 1
            batch.append((lineNumber, Data(pending[consumed...])))
        }
        flush()
        return errors
    }

    /// The batch's output lines in order. Its lines are audited in groups on all cores, each group
    /// read, then matched, then scored and written (see `BatchAuditor.audit`).
    private func process(_ batch: [(number: Int, line: Data?)]) -> [String] {
        let results = Slots<String?>(count: batch.count, initial: nil)
        BatchAuditor.forEachGroup(of: batch.count, groupsPerCore: 4) { members in
            for (index, line) in zip(members, audit(lines: batch[members])) { results[index] = line }
        }
        return results.values.compactMap { $0 }
    }

    /// A line read: blank (no output), an error line, or a document to audit under the caller's id.
    private enum Reading {
        case blank
        case error(String)
        case document(id: JSONScalar, Document)
    }

    /// One output line for each input line, nil for a blank one.
    /// A nil line was longer than the limit and is reported as such.
    func audit(lines: ArraySlice<(number: Int, line: Data?)>) -> [String?] {
        let readings = lines.map { read(line: $0.line, number: $0.number) }
        let reports = auditor.audit(
            readings.compactMap { reading in
                guard case .document(_, let document) = reading else { return nil }
                return document
            })
        var next = 0
        return zip(lines, readings).map { line, reading in
            switch reading {
            case .blank: return nil
            case .error(let message): return message
            case .document(let id, _):
                next += 1
                return Self.resultLine(id: id, report: reports[next - 1], number: line.number)
            }
        }
    }

    private func read(line: Data?, number: Int) -> Reading {
        guard let line else {
            let limit = FileReader.limitText(maximumLineBytes)
            return .error(
                Self.errorLine(number: number, message: "line \(number): longer than the \(limit) limit; skipped"))
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: line)
        } catch {
            return .error(
                Self.errorLine(
                    number: number, message: "line \(number): not a {\"id\", \"text\"} object: \(Self.describe(error))")
            )
        }
        if request.text.utf8.count > maximumTextBytes {
            let message =
                "line \(number): text larger than the \(FileReader.limitText(maximumTextBytes)) limit; skipped (raise --max-bytes)"
            return .error(Self.errorLine(number: number, message: message))
        }
        let document = Document(
            path: "jsonl:\(number)", bytes: Array(request.text.utf8), format: request.format ?? .text)
        return .document(id: request.id, document)
    }

    private static func resultLine(id: JSONScalar, report: DocumentReport, number: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let id = try? encoder.encode(id) else {
            return Self.errorLine(number: number, message: "line \(number): could not encode the result")
        }
        // The document's object written directly, as `JSONEncoder` would: encoding it through
        // `Codable` took as long as auditing it.
        return "{\"id\":" + String(decoding: id, as: UTF8.self) + ","
            + String(decoding: JSONReportWriter.line(report).dropFirst(), as: UTF8.self)
    }

    static func errorLine(number: Int, message: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = ["error": message]
        let body =
            (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) }
            ?? "{\"error\":\"unreadable line\"}"
        return String(body.dropLast()) + ",\"line\":\(number)}"
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: "\(error)"
        }
    }
}

/// A JSON string or number, kept as given, for the `id` a caller chose.
enum JSONScalar: Codable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        }
    }
}
