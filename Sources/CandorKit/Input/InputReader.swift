import Foundation

/// Reads one input into a `Document`, or explains why it cannot be audited.
public enum InputReader {
    /// The display name used for standard input.
    public static let standardInputName = "<stdin>"

    /// Reads and decodes one input. `format` overrides detection; `standardInputName` names stdin
    /// in reports and for detection by extension.
    public static func read(
        _ input: InputCollector.Input, format: DocumentFormat? = nil, standardInputName: String? = nil
    ) -> Swift.Result<Document, InputProblem> {
        let path: String
        let data: Data
        switch input {
        case .standardInput:
            path = standardInputName ?? Self.standardInputName
            data = FileHandle.standardInput.readDataToEndOfFile()
        case .file(let file), .found(let file):
            path = file
            guard FileManager.default.isReadableFile(atPath: file),
                let contents = FileManager.default.contents(atPath: file)
            else {
                return .failure(InputProblem(path: file, message: "cannot read file (permission denied or not a file)"))
            }
            data = contents
        }
        let bytes = [UInt8](data)
        let hasUTF16Mark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasUTF16Mark, let nul = bytes.firstIndex(of: 0) {
            let message = "binary file, or UTF-16 without a byte-order mark (NUL byte at offset \(nul)); skipped"
            return .failure(InputProblem(path: path, message: message))
        }
        return .success(Document(path: path, bytes: bytes, format: format))
    }
}
