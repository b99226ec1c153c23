import Foundation

/// Audits many inputs on all cores, each with the rules of its nearest `.candor.yml` (or one given
/// configuration), and returns reports in input order whatever order the work finished in.
public final class BatchAuditor: @unchecked Sendable {
    public struct Options: Sendable {
        public var builtinRulesets: String?
        public var extraRulesets: [String] = []
        /// A configuration that applies to every input instead of the nearest one.
        public var configPath: String?
        public var inputFormat: DocumentFormat?
        public var standardInputName: String?
        public var maximumBytes = InputReader.defaultMaximumBytes

        public init() {}
    }

    /// What one input produced: a report, or the reason it could not be audited.
    public enum Outcome: Sendable {
        case report(DocumentReport)
        case skipped
        case problem(String)
    }

    private let options: Options
    private let lock = NSLock()
    private var auditors: [String: Auditor] = [:]
    private var configs: [String: CandorConfig] = [:]
    /// The nearest configuration file of each folder seen (by the folder's name in the input path).
    private var nearestConfig: [String: String?] = [:]
    /// Configuration and ruleset errors, each reported once.
    public private(set) var errors: [String] = []

    public init(options: Options) { self.options = options }

    /// The configuration for an input: the given one, else the nearest to the file, else to the working directory.
    public func config(for input: InputCollector.Input) -> CandorConfig {
        guard let path = options.configPath ?? nearestConfigPath(for: input) else { return CandorConfig() }
        return lock.withLock {
            if let cached = configs[path] { return cached }
            let (config, problems) = CandorConfig.load(path: path)
            errors += problems.map(\.description)
            configs[path] = config
            return config
        }
    }

    /// Looked up once per folder as the path names it ("articles/2024/" for "articles/2024/a.md"), so
    /// the thousands of files of one folder cost one search, not one path resolution each.
    private func nearestConfigPath(for input: InputCollector.Input) -> String? {
        let folder = input.path.map { path in path.lastIndex(of: "/").map { String(path[...$0]) } ?? "" }
        let key = folder ?? "\u{0}standard input"
        if let known = lock.withLock({ nearestConfig[key] }) { return known }
        let directory =
            input.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        let found = CandorConfig.nearest(from: directory)
        lock.withLock { nearestConfig[key] = .some(found) }
        return found
    }

    private func auditor(for config: CandorConfig) -> Auditor {
        let key = config.path ?? ""
        return lock.withLock {
            if let cached = auditors[key] { return cached }
            var sources = options.extraRulesets.map { RulesetLoader.Source(directory: $0, trusted: false) }
            sources += config.rulesets.map { RulesetLoader.Source(directory: $0, trusted: false) }
            if let builtin = options.builtinRulesets { sources.insert(.init(directory: builtin, trusted: true), at: 0) }
            let loaded = RulesetLoader.load(sources)
            errors += loaded.errors.map(\.description)
            let auditor = Auditor(ruleset: config.apply(to: loaded.ruleset))
            auditors[key] = auditor
            return auditor
        }
    }

    /// The rules in force for the configuration that applies to the working directory.
    public func rulesInForce() -> Ruleset { auditor(for: config(for: .standardInput)).ruleset }

    public func audit(_ inputs: [InputCollector.Input]) -> [Outcome] {
        let slots = Slots<Outcome>(count: inputs.count, initial: .skipped)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots[index] = audit(inputs[index])
        }
        return slots.values
    }

    private func audit(_ input: InputCollector.Input) -> Outcome {
        let config = config(for: input)
        if case .found(let path) = input, !config.admits(path) { return .skipped }
        switch InputReader.read(
            input, format: options.inputFormat, standardInputName: options.standardInputName,
            maximumBytes: options.maximumBytes)
        {
        case .success(let document): return .report(auditor(for: config).audit(document))
        case .failure(let problem): return .problem(problem.description)
        }
    }
}

/// Fixed slots that concurrent workers fill by index, so results keep input order.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value]
    private let lock = NSLock()

    init(count: Int, initial: Value) { storage = Array(repeating: initial, count: count) }

    subscript(index: Int) -> Value {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage } }
}
