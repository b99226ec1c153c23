import Foundation

/// The shared evaluation data and corpus at `../shared` beside the repository, read in place and
/// never copied. A clone with nothing beside it has none: the tests that need it are skipped, each
/// saying what is missing. `.ci/run` sets `CANDOR_REQUIRE_SHARED`, so there they run, and fail
/// loudly if the data went missing.
public enum SharedData {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `CANDOR_SHARED` names another place (`.ci/run` points it at an empty folder to check that the
    /// suite passes in a clone with nothing beside it).
    public static let directory =
        ProcessInfo.processInfo.environment["CANDOR_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The real sponsored-style article Candor was first built against.
    public static let hokanewsSample = directory.appendingPathComponent("samples/hokanews-china-open-source-ai.txt")

    /// The sample article that ships in the repository.
    public static let projectSample = repositoryRoot.appendingPathComponent("Examples/sample-article.txt")

    /// Whether a test needing `relative` (inside `../shared`) should run: the path exists, or the
    /// run requires the shared data anyway.
    public static func has(_ relative: String) -> Bool {
        if ProcessInfo.processInfo.environment["CANDOR_REQUIRE_SHARED"] != nil { return true }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path)
    }

    /// The one line a skipped test gives.
    public static func missing(_ relative: String) -> String {
        "skipped: needs ../shared/\(relative) beside the repository (not found)"
    }
}
