import Yams

/// Reads the word classes of every pack's `vocabulary.yml`, in the order the packs load: a class is
/// defined once (`name:`) and later packs add to it (`extends:`); a pack may define classes of its own.
enum VocabularyLoader {
    static let fileName = "vocabulary.yml"
    static let entryKeys: Set<String> = ["name", "extends", "summary", "words"]

    /// Each file is read from its path unless its text is given (a built-in file, held in memory).
    static func load(files: [(file: String, text: String?)]) -> (Vocabulary, [RulesetError]) {
        var vocabulary = Vocabulary()
        var errors: [RulesetError] = []
        for (file, text) in files {
            // Read and composed as rule files are, so their errors are located the same way.
            let contents = text.map { Swift.Result.success($0) } ?? RulesetLoader.readText(file)
            switch contents.flatMap({ RulesetLoader.compose($0, file: file) }) {
            case .failure(let error): errors.append(error)
            case .success(nil): continue
            case .success(let root?): errors += read(root, file: file, into: &vocabulary)
            }
        }
        return (vocabulary, errors)
    }

    static func read(_ root: Node, file: String, into vocabulary: inout Vocabulary) -> [RulesetError] {
        var top = YAMLFields(root, file: file, allowed: ["classes"], what: "vocabulary file")
        guard let list = top.node("classes")?.sequence else {
            top.appendError(top.error(at: top.node("classes"), "'classes' must be a list of word classes"))
            return top.errors
        }
        var errors = top.errors
        for item in list {
            var fields = YAMLFields(item, file: file, allowed: entryKeys, what: "word class")
            let words = fields.strings("words")?.map(\.0) ?? []
            if words.isEmpty { fields.appendError(fields.error(at: fields.node("words"), "'words' must list words")) }
            for word in words where Vocabulary.references(in: word).isEmpty == false || word.contains("\\") {
                fields.appendError(fields.error(at: fields.node("words"), "'\(word)' is not a plain word or phrase"))
            }
            if fields.has("name") == fields.has("extends") {
                fields.appendError(fields.error(at: nil, "a word class takes either 'name' or 'extends'"))
            }
            if let name = fields.string("name", required: false) {
                if let first = vocabulary.wordClass(name) {
                    fields.appendError(
                        fields.error(
                            at: fields.node("name"),
                            "word class '\(name)' is already defined at \(first.file):\(first.line); use 'extends' to add words"
                        ))
                } else if Vocabulary.classToken("{\(name)}"[...]) == nil {
                    fields.appendError(
                        fields.error(at: fields.node("name"), "word class name '\(name)' must be kebab-case"))
                } else if fields.errors.isEmpty {
                    vocabulary.define(
                        Vocabulary.WordClass(
                            name: name, summary: fields.string("summary", required: false) ?? "", words: words,
                            file: file, line: item.mark?.line ?? 1))
                }
            }
            if let name = fields.string("extends", required: false) {
                if vocabulary.wordClass(name) == nil {
                    let known = vocabulary.classes.keys.sorted().joined(separator: ", ")
                    fields.appendError(
                        fields.error(
                            at: fields.node("extends"), "'extends' names unknown word class '\(name)' (known: \(known))"
                        ))
                } else if fields.errors.isEmpty {
                    vocabulary.extend(name, with: words)
                }
            }
            errors += fields.errors
        }
        return errors
    }
}
