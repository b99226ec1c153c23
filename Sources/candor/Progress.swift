import CandorKit
import Foundation

/// Runs a batch, showing a progress line on standard error when it is a terminal and the run is long.
enum Progress {
    static func run(_ inputs: [InputCollector.Input], batch: BatchAuditor) -> [BatchAuditor.Outcome] {
        let show = inputs.count >= 50 && isatty(STDERR_FILENO) == 1
        guard show else { return batch.audit(inputs) }
        var outcomes: [BatchAuditor.Outcome] = []
        let chunk = 100
        for start in stride(from: 0, to: inputs.count, by: chunk) {
            let end = min(start + chunk, inputs.count)
            outcomes += batch.audit(Array(inputs[start..<end]))
            FileHandle.standardError.write(Data("\r\u{1B}[Kcandor: audited \(end)/\(inputs.count) documents".utf8))
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        return outcomes
    }
}
