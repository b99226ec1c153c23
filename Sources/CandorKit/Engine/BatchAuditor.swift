import Foundation

/// Audits many inputs on all cores, each with the rules of its nearest `.candor.yml` (or one given
/// configuration), and returns reports in input order whatever order the work finished in.
public final class BatchAuditor: @unchecked Sendable {
    public struct Options: Sendable {
        /// The built-in rules (compiled in, or `$CANDOR_RULESETS`); nil leaves them out.
        public var builtinRulesets: RulesetLoader.Source? = BuiltinRulesets.source()
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

    /// Given, every input is audited with this auditor's rules, and no configuration is looked for.
    private let fixedAuditor: Auditor?

    public init(options: Options) {
        self.options = options
        fixedAuditor = nil
    }

    /// Audits every input with `auditor`, as the benchmark does with the rules it has loaded.
    public init(auditor: Auditor) {
        options = Options()
        fixedAuditor = auditor
    }

    /// The configuration for an input: the given one, else the nearest to the file, else to the working directory.
    public func config(for input: InputCollector.Input) -> CandorConfig {
        guard fixedAuditor == nil, let path = options.configPath ?? nearestConfigPath(for: input) else {
            return CandorConfig()
        }
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
        if let fixedAuditor { return fixedAuditor }
        let key = config.path ?? ""
        return lock.withLock {
            if let cached = auditors[key] { return cached }
            var sources = options.extraRulesets.map { RulesetLoader.Source(directory: $0, trusted: false) }
            sources += config.rulesets.map { RulesetLoader.Source(directory: $0, trusted: false) }
            if let builtin = options.builtinRulesets { sources.insert(builtin, at: 0) }
            let loaded = RulesetLoader.load(sources)
            errors += loaded.errors.map(\.description)
            errors += config.unknownNames(in: loaded.ruleset).map(\.description)
            let auditor = Auditor(ruleset: config.apply(to: loaded.ruleset))
            if auditor.ruleset.rules.isEmpty { errors.append(config.nothingInForce().description) }
            auditors[key] = auditor
            return auditor
        }
    }

    /// The rules in force for the configuration that applies to the working directory.
    public func rulesInForce() -> Ruleset { auditorInForce().ruleset }

    /// The auditor for the configuration that applies to the working directory, built once.
    public func auditorInForce() -> Auditor { auditor(for: config(for: .standardInput)) }

    /// Audits `inputs` on all cores (or on this thread alone), a few at a time and stage by stage:
    /// each worker reads a group of inputs, matches every one's spans, then scores them. Matching
    /// short documents back to back keeps the rules' compiled code and the shared pass's tables in
    /// the caches that reading and scoring each document in between would evict (`candor audit` over
    /// BBC, 16 alternating runs: 9% faster in groups of 16 than one at a time on one core or two, and
    /// groups of 64 a further 4% on two).
    public func audit(_ inputs: [InputCollector.Input], onAllCores: Bool = true) -> [Outcome] {
        let slots = Slots<Outcome>(count: inputs.count, initial: .skipped)
        Self.forEachGroup(of: inputs.count, groupsPerCore: 8, onAllCores: onAllCores) { members in
            self.audit(inputs, members) { slots[$0] = $1 }
        }
        return slots.values
    }

    /// Runs `body` over `count` items in consecutive groups of at most `groupSize`, on all cores or on
    /// this thread. There are at least `groupsPerCore` groups a core where the items allow, so that no
    /// core waits long for the last; a few items go one a group.
    static func forEachGroup(
        of count: Int, groupsPerCore: Int, onAllCores: Bool = true, _ body: @Sendable (Range<Int>) -> Void
    ) {
        let cores = onAllCores ? ProcessInfo.processInfo.activeProcessorCount : 1
        let size = max(1, min(groupSize, count / (cores * groupsPerCore)))
        let work: @Sendable (Int) -> Void = { group in body(group * size..<min(count, (group + 1) * size)) }
        let groups = (count + size - 1) / size
        if cores > 1 {
            DispatchQueue.concurrentPerform(iterations: groups, execute: work)
        } else {
            (0..<groups).forEach(work)
        }
    }

    /// The most inputs a worker reads before it matches them.
    static let groupSize = 64
    /// A group is matched early once its documents hold this much text, so that large inputs are
    /// never held many at a time.
    static let groupBytes = 256 << 10

    private func audit(
        _ inputs: [InputCollector.Input], _ members: Range<Int>, _ emit: (Int, Outcome) -> Void
    ) {
        var pending: [(index: Int, document: Document, config: CandorConfig)] = []
        var bytes = 0
        func flush() {
            // Inputs under one configuration (usually all of them) are audited together.
            var start = 0
            while start < pending.count {
                let key = pending[start].config.path
                let end = pending[start...].firstIndex { $0.config.path != key } ?? pending.count
                let auditor = auditor(for: pending[start].config)
                // With no rule in force a score would mean nothing: each input is refused instead.
                guard !auditor.ruleset.rules.isEmpty else {
                    // The cause is among the run's errors once (see `auditor(for:)`).
                    for item in pending[start..<end] {
                        emit(item.index, .problem("\(item.document.path): not audited: no rules in force"))
                    }
                    start = end
                    continue
                }
                let reports = auditor.audit(pending[start..<end].map(\.document))
                for (item, report) in zip(pending[start..<end], reports) { emit(item.index, .report(report)) }
                start = end
            }
            pending = []
            bytes = 0
        }
        for index in members {
            let input = inputs[index]
            let config = config(for: input)
            if case .found(let path) = input, !config.admits(path) {
                emit(index, .skipped)
                continue
            }
            switch InputReader.read(
                input, format: options.inputFormat, standardInputName: options.standardInputName,
                maximumBytes: options.maximumBytes)
            {
            case .success(let document):
                pending.append((index, document, config))
                bytes += document.text.count
                if bytes >= Self.groupBytes { flush() }
            case .failure(let problem): emit(index, .problem(problem.description))
            }
        }
        flush()
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
