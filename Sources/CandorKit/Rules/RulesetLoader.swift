import Foundation
import Yams

/// Loads ruleset packs from folders: `DIR/*.yml` is one pack named after DIR, and a folder with no
/// `.yml` files of its own is read as a folder of packs (`DIR/<pack>/*.yml`).
public enum RulesetLoader {
    /// What loading produced: the valid rules, and every problem with the others.
    public struct Result: Sendable {
        public let ruleset: Ruleset
        public let errors: [RulesetError]
    }

    /// A folder to load, and whether its patterns are Candor's own (compiled with the JIT) or the
    /// user's (run in the interpreter under exact match and depth limits).
    public struct Source: Sendable {
        public let directory: String
        public let trusted: Bool
        /// Files held in memory (the rules compiled into the binary), read instead of a folder;
        /// `directory` then only names them in errors and explanations (`Rulesets/core/hedging.yml`).
        public let files: [EmbeddedFile]?

        public init(directory: String, trusted: Bool) {
            self.directory = directory
            self.trusted = trusted
            files = nil
        }

        /// Trusted packs held in memory, each file's path naming its pack (`core/hedging.yml`).
        public init(embedded files: [EmbeddedFile], named name: String) {
            directory = name
            trusted = true
            self.files = files
        }
    }

    public static func load(_ sources: [Source]) -> Result {
        var steps: [LoadStep] = []
        var vocabularyFiles: [(file: String, text: String?)] = []
        for source in sources {
            let directory = source.directory
            if let files = source.files {
                for file in files {
                    let path = directory + "/" + file.path
                    let pack = file.path.split(separator: "/").dropLast().last.map(String.init) ?? directory
                    if file.path.hasSuffix("/" + VocabularyLoader.fileName) {
                        vocabularyFiles.append((path, file.text))
                    } else {
                        steps.append(.text(file.text, path: path, pack: pack))
                    }
                }
                continue
            }
            let packs = packDirectories(in: directory)
            if packs.isEmpty {
                steps.append(
                    .problem(
                        RulesetError(file: directory, line: 1, column: 1, message: "no ruleset files (*.yml) found")))
            }
            for pack in packs {
                let packName = URL(fileURLWithPath: pack).lastPathComponent
                for file in yamlFiles(in: pack) {
                    if file.hasSuffix("/" + VocabularyLoader.fileName) {
                        vocabularyFiles.append((file, nil))
                    } else {
                        steps.append(.file(file, pack: packName, trusted: source.trusted))
                    }
                }
            }
        }
        // Every pack's word classes are read before any rule, so that a rule may use a class a
        // later pack extends, with the words that pack adds.
        let (vocabulary, vocabularyErrors) = VocabularyLoader.load(files: vocabularyFiles)
        // Files are parsed and their patterns compiled on all cores, then joined in order, so rules
        // and errors come out as one core would give them: start-up is mostly this.
        let parsed = Slots<([Rule], [RulesetError])>(count: steps.count, initial: ([], []))
        let planned = steps
        DispatchQueue.concurrentPerform(iterations: steps.count) { index in
            switch planned[index] {
            case .problem(let error): parsed[index] = ([], [error])
            case .file(let path, let pack, let trusted):
                parsed[index] = loadFile(path, pack: pack, trusted: trusted, vocabulary: vocabulary)
            case .text(let text, let path, let pack):
                parsed[index] = parse(yaml: text, file: path, pack: pack, trusted: true, vocabulary: vocabulary)
            }
        }
        var rules: [Rule] = []
        var errors = vocabularyErrors
        for (fileRules, fileErrors) in parsed.values {
            rules += fileRules
            errors += fileErrors
        }
        let (unique, duplicates) = rejectDuplicates(rules)
        errors += unknownCommercialNames(unique)
        var ruleset = Ruleset(rules: unique)
        ruleset.vocabulary = vocabulary
        return Result(ruleset: ruleset, errors: errors + duplicates)
    }

    /// One step of loading, in the order its results are joined: a file to parse, or a problem
    /// already found with a folder.
    private enum LoadStep: Sendable {
        case file(String, pack: String, trusted: Bool)
        /// A built-in file's text, already in memory.
        case text(String, path: String, pack: String)
        case problem(RulesetError)
    }

    /// Parses one ruleset file; a file that cannot be read or parsed yields one located error.
    public static func loadFile(
        _ path: String, pack: String, trusted: Bool, vocabulary: Vocabulary = Vocabulary()
    ) -> ([Rule], [RulesetError]) {
        switch readText(path) {
        case .success(let yaml):
            return parse(yaml: yaml, file: path, pack: pack, trusted: trusted, vocabulary: vocabulary)
        case .failure(let error): return ([], [error])
        }
    }

    /// A ruleset, vocabulary or configuration file's text (`what` names it in errors), or the error
    /// that stopped it being read as UTF-8 within `limit`.
    static func readText(
        _ path: String, limit: Int = FileReader.rulesetLimit, what: String = "file"
    ) -> Swift.Result<String, RulesetError> {
        let data: Data
        switch FileReader.contents(of: path, atMost: limit) {
        case .success(let contents): data = contents
        case .failure(let failure):
            return .failure(
                RulesetError(file: path, line: 1, column: 1, message: "cannot read \(what): \(failure.reason)"))
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            return .failure(RulesetError(file: path, line: 1, column: 1, message: "\(what) is not valid UTF-8"))
        }
        return .success(yaml)
    }

    /// YAML text composed into nodes (nil for an empty document), or the located error in it.
    static func compose(_ yaml: String, file: String) -> Swift.Result<Node?, RulesetError> {
        do {
            return .success(try Yams.compose(yaml: yaml, ruleResolver))
        } catch {
            return .failure(yamlError(error, file: file))
        }
    }

    /// Every scalar is tried against each kind the resolver knows, by regular expression, so only
    /// booleans are resolved: a boolean is read only from a scalar resolved as one, while numbers are
    /// read from any plain scalar and strings from any scalar whatever their tag (`YAMLFields`), so
    /// resolving integers, floats, nulls or dates would change no value and cost a regular
    /// expression each for every scalar of every rule file.
    private static let ruleResolver = Resolver.basic.appending(.bool)

    /// Parses ruleset YAML already in memory; `file` names it in errors.
    public static func parse(
        yaml: String, file: String, pack: String, trusted: Bool, vocabulary: Vocabulary = Vocabulary()
    ) -> ([Rule], [RulesetError]) {
        let root: Node?
        switch compose(yaml, file: file) {
        case .success(let node): root = node
        case .failure(let error): return ([], [error])
        }
        guard let root else {
            return ([], [RulesetError(file: file, line: 1, column: 1, message: "empty ruleset file")])
        }
        var top = YAMLFields(root, file: file, allowed: ["rules"], what: "ruleset file")
        guard let list = top.node("rules") else {
            if top.errors.isEmpty { top.appendError(top.error(at: nil, "missing required key 'rules'")) }
            return ([], top.errors)
        }
        guard let items = list.sequence else {
            return ([], top.errors + [top.error(at: list, "'rules' must be a list of rules")])
        }
        var rules: [Rule] = []
        var errors = top.errors
        let parser = RuleParser(file: file, pack: pack, trusted: trusted, vocabulary: vocabulary)
        for item in items {
            let (rule, ruleErrors) = parser.parse(item)
            if let rule { rules.append(rule) }
            errors += ruleErrors
        }
        return (rules, errors)
    }

    /// A `commercial:` entry of a missing-disclosure check must name a category or a loaded rule: a
    /// typo would otherwise quietly switch the check off.
    private static func unknownCommercialNames(_ rules: [Rule]) -> [RulesetError] {
        let known = Set(rules.map(\.id)).union(Category.allCases.map(\.rawValue))
        return rules.flatMap { rule -> [RulesetError] in
            guard case .document(.missingDisclosure(let commercial, _)) = rule.kind else { return [] }
            return commercial.filter { !known.contains($0) }.map { name in
                RulesetError(
                    file: rule.file, line: rule.line, column: 1,
                    message: "'commercial' names '\(name)', which is neither a category nor a loaded rule")
            }
        }
    }

    private static func rejectDuplicates(_ rules: [Rule]) -> ([Rule], [RulesetError]) {
        var seen: [String: Rule] = [:]
        var unique: [Rule] = []
        var errors: [RulesetError] = []
        for rule in rules {
            if let first = seen[rule.id] {
                errors.append(
                    RulesetError(
                        file: rule.file, line: rule.line, column: 1,
                        message: "duplicate rule id '\(rule.id)' (first defined at \(first.file):\(first.line))"))
            } else {
                seen[rule.id] = rule
                unique.append(rule)
            }
        }
        return (unique, errors)
    }

    private static func yamlError(_ error: Error, file: String) -> RulesetError {
        guard let yamlError = error as? YamlError else {
            return RulesetError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return RulesetError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            return RulesetError(file: file, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }

    static func packDirectories(in directory: String) -> [String] {
        if !yamlFiles(in: directory).isEmpty { return [directory] }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return children.sorted().map { directory + "/" + $0 }.filter { !yamlFiles(in: $0).isEmpty }
    }

    static func yamlFiles(in directory: String) -> [String] {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return children.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }
}
