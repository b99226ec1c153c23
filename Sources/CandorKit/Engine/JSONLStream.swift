import Foundation

/// Audits a stream of JSON lines (`{"id": …, "text": …, "format"?: …}`), writing one result line per
/// input line in the same order: the document report with the input's `id`, or an error object for
/// a line that cannot be read. Lines are read, audited (a batch at a time, on all cores) and written
/// as they come, so memory stays flat whatever the length of the stream.
public struct JSONLStream: Sendable {
    public let auditor: Auditor
    public var batchSize = 64

    public init(auditor: Auditor) { self.auditor = auditor }

    struct Request: Decodable {
        let id: JSONScalar
        let text: String
        let format: DocumentFormat?
    }

    /// Reads from `input` until its end, calling `emit` with each output line; returns the number of
    /// lines that were errors.
    public func run(input: FileHandle, emit: (String) -> Void) -> Int {
        var errors = 0
        var pending = Data()
        var batch: [(number: Int, line: Data)] = []
        var lineNumber = 0
        func flush() {
            for line in process(batch) {
                if line.hasPrefix("{\"error\"") { errors += 1 }
                emit(line)
            }
            batch.removeAll(keepingCapacity: true)
        }
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                lineNumber += 1
                batch.append((lineNumber, pending[pending.startIndex..<newline]))
                pending.removeSubrange(pending.startIndex...newline)
                if batch.count >= batchSize { flush() }
            }
        }
        if !pending.isEmpty {
            lineNumber += 1
            batch.append((lineNumber, pending))
        }
        flush()
        return errors
    }

    private func process(_ batch: [(number: Int, line: Data)]) -> [String] {
        let results = Slots<String?>(count: batch.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            results[index] = audit(line: batch[index].line, number: batch[index].number)
        }
        return results.values.compactMap { $0 }
    }

    /// One output line, or nil for a blank input line.
    func audit(line: Data, number: Int) -> String? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: line)
        } catch {
            return Self.errorLine(
                number: number, message: "line \(number): not a {\"id\", \"text\"} object: \(Self.describe(error))")
        }
        let path = "jsonl:\(number)"
        let report = auditor.audit(
            Document(path: path, bytes: Array(request.text.utf8), format: request.format ?? .text))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(report), let id = try? encoder.encode(request.id) else {
            return Self.errorLine(number: number, message: "line \(number): could not encode the result")
        }
        return "{\"id\":" + String(decoding: id, as: UTF8.self) + ","
            + String(decoding: body.dropFirst(), as: UTF8.self)
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
