import Foundation

/// Reads one input into a `Document`, or explains why it cannot be audited.
public enum InputReader {
    /// The display name used for standard input.
    public static let standardInputName = "<stdin>"
    /// Files larger than this are refused (64 MiB) unless a caller raises the limit.
    public static let defaultMaximumBytes = 64 << 20

    /// Reads and decodes one input. `format` overrides detection; `standardInputName` names stdin
    /// in reports and for detection by extension.
    public static func read(
        _ input: InputCollector.Input, format: DocumentFormat? = nil, standardInputName: String? = nil,
        maximumBytes: Int = defaultMaximumBytes
    ) -> Swift.Result<Document, InputProblem> {
        let path: String
        let bytes: [UInt8]
        switch input {
        case .standardInput:
            path = standardInputName ?? Self.standardInputName
            // One byte past the limit tells that the input is larger; a limit of Int.max has no past.
            let wanted = maximumBytes == .max ? maximumBytes : maximumBytes + 1
            bytes = [UInt8]((try? FileHandle.standardInput.read(upToCount: wanted)) ?? Data())
        case .file(let file), .found(let file):
            path = file
            switch FileReader.bytes(of: file, atMost: maximumBytes) {
            case .success(let contents): bytes = contents
            case .failure(let failure) where failure.isTooLarge: return .failure(tooLarge(file, maximumBytes))
            case .failure(let failure):
                return .failure(InputProblem(path: file, message: "cannot read file: \(failure.reason)"))
            }
        }
        if bytes.count > maximumBytes { return .failure(tooLarge(path, maximumBytes)) }
        let hasUTF16Mark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasUTF16Mark, let nul = bytes.firstIndex(of: 0) {
            let message = "binary file, or UTF-16 without a byte-order mark (NUL byte at offset \(nul)); skipped"
            return .failure(InputProblem(path: path, message: message))
        }
        return .success(Document(path: path, bytes: bytes, format: format))
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> InputProblem {
        InputProblem(
            path: path,
            message: "larger than the \(FileReader.limitText(limit)) limit; skipped (raise it with --max-bytes)")
    }
}
