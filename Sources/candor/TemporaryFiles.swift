import Foundation

/// Temporary report files being written, removed if the run is interrupted (SIGINT, SIGTERM,
/// SIGHUP) before they are renamed into place, and cleared by a later run if a run was killed
/// outright: each is named `.REPORT.candor-PID-XXXXXX`, so a later run can tell a dead run's file
/// from one another run is still writing.
enum TemporaryFiles {
    private static let capacity = 16
    /// Paths as C strings in a fixed table, read by the signal handler without allocating.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        for signal in [SIGINT, SIGTERM, SIGHUP] { Foundation.signal(signal, removeAllAndExit) }
        return table
    }()

    /// The template for a temporary file beside `name` in `folder`, for `mkstemp`.
    static func template(for name: String, in folder: URL) -> String {
        folder.appendingPathComponent(".\(name).candor-\(getpid())-XXXXXX").path
    }

    /// Notes a temporary file until `forget` is called with what this returned.
    static func remember(_ path: String) -> Int? {
        for slot in 0..<capacity where slots[slot] == nil {
            slots[slot] = strdup(path)
            return slot
        }
        return nil
    }

    static func forget(_ slot: Int?) {
        guard let slot else { return }
        free(slots[slot])
        slots[slot] = nil
    }

    /// Removes the temporary files of `name` that runs no longer alive left in `folder`.
    static func removeLeftovers(of name: String, in folder: String) {
        let prefix = ".\(name).candor-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix)
        {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + entry) }
        }
    }

    /// The signal handler: only unlink and the default action, which are safe in a handler.
    private static let removeAllAndExit: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<capacity { if let path = slots[slot] { unlink(path) } }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
