import Foundation

/// Peak memory of a real `candor audit` run, measured on a child process: the figure a user sees,
/// reading, auditing and writing the report included, with nothing of the benchmark's own state.
enum BenchMemory {
    /// Runs this executable with `arguments`, its standard output discarded, and returns the child's
    /// peak resident memory in MiB and its exit status (nil when it could not be started).
    ///
    /// The peak is the child's own high-water mark (`VmHWM`), read from /proc while it runs; the
    /// rusage of a spawned child would not do, since Linux carries the parent's peak across `exec`.
    /// The mark only ever rises, so the last reading before the child exits is its peak.
    static func peakOfRun(_ arguments: [String]) -> (mebibytes: Double, status: Int32)? {
        guard let executable = Bundle.main.executablePath else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child = pid_t()
        guard posix_spawn(&child, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var peak = 0
        var status: Int32 = 0
        while waitpid(child, &status, WNOHANG) == 0 {
            peak = max(peak, highWaterMark(of: "\(child)") ?? 0)
            usleep(2_000)
        }
        return (Double(peak) / 1024, (status >> 8) & 0xFF)
    }

    /// `VmHWM` of a running process (by its id, or "self"), in KiB.
    static func highWaterMark(of process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    /// Starts this process's high-water mark afresh (Linux's `clear_refs`), so that one phase's own
    /// peak can be read; false where that is not possible.
    static func resetHighWaterMark() -> Bool {
        (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    /// Writes `data` to a temporary file, audits it as a user would (`--format json`, the report
    /// written to /dev/null) and prints the peak against the target of three times the file plus 64 MiB.
    static func reportLargeFileRun(_ data: Data) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("candor-bench-large.txt").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = Double(data.count) / 1_048_576
        guard
            let run = peakOfRun([
                "audit", path, "--format", "json", "--output", "/dev/null", "--max-bytes", "100000000",
            ])
        else {
            print("large file, candor audit: could not start the run")
            return
        }
        print(
            String(
                format: "large file, candor audit --format json: peak memory %.1f MiB for a %.1f MiB file "
                    + "(target 3 × file + 64 = %.1f MiB: %@; exit status %d)",
                run.mebibytes, file, 3 * file + 64, run.mebibytes <= 3 * file + 64 ? "met" : "NOT met", run.status))
    }
}
