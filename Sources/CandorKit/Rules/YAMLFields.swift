import Foundation
import Yams

/// Strict, located access to the keys of one YAML mapping: every key must be known, every value of
/// the right type, and each problem becomes a `RulesetError` pointing at the offending node.
struct YAMLFields {
    let file: String
    let mark: Mark?
    private var values: [String: Node] = [:]
    private(set) var errors: [RulesetError] = []

    init(_ node: Node, file: String, allowed: Set<String>, what: String) {
        self.file = file
        self.mark = node.mark
        guard let mapping = node.mapping else {
            errors.append(error(at: node, "\(what) must be a mapping"))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                errors.append(error(at: key, "\(what) has a key that is not a string"))
                continue
            }
            if values[name] != nil {
                errors.append(error(at: key, "duplicate key '\(name)' in \(what)"))
            } else if !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                errors.append(error(at: key, "unknown key '\(name)' in \(what) (known keys: \(known))"))
            } else {
                values[name] = value
            }
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    func node(_ key: String) -> Node? { values[key] }

    func error(at node: Node?, _ message: String) -> RulesetError {
        let mark = node?.mark ?? self.mark
        return RulesetError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let node = values[key] else {
            if required { errors.append(error(at: nil, "missing required key '\(key)'")) }
            return nil
        }
        guard let value = node.scalar?.string, !Self.isBlank(value) else {
            errors.append(error(at: node, "'\(key)' must be a non-empty string"))
            return nil
        }
        return value
    }

    /// Whether a value is empty or white space only (as `trimmingCharacters(in: .whitespaces)` reads
    /// it): most values start with a printable ASCII character, which settles it without Foundation,
    /// whose trimming was a tenth of start-up.
    private static func isBlank(_ value: String) -> Bool {
        if let first = value.utf8.first, first > 0x20, first < 0x7F { return false }
        return value.trimmingCharacters(in: .whitespaces).isEmpty
    }

    mutating func number(_ key: String, required: Bool = true) -> Double? {
        guard let node = values[key] else {
            if required { errors.append(error(at: nil, "missing required key '\(key)'")) }
            return nil
        }
        guard let value = node.float, value.isFinite, value >= 0 else {
            errors.append(error(at: node, "'\(key)' must be a number of at least 0"))
            return nil
        }
        return value
    }

    /// A whole number from 0 to `maximum`: a count or an index, which a fraction or a number past
    /// what an integer holds would otherwise turn into a crash.
    mutating func count(_ key: String, maximum: Int, required: Bool = false) -> Int? {
        guard let value = number(key, required: required) else { return nil }
        guard value == value.rounded(), value <= Double(maximum) else {
            errors.append(error(at: values[key], "'\(key)' must be a whole number from 0 to \(maximum)"))
            return nil
        }
        return Int(value)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = values[key] else { return nil }
        guard let value = node.bool else {
            errors.append(error(at: node, "'\(key)' must be true or false"))
            return nil
        }
        return value
    }

    /// A list of strings, each paired with its node for located errors later.
    mutating func strings(_ key: String) -> [(String, Node)]? {
        guard let node = values[key] else { return nil }
        guard let sequence = node.sequence else {
            errors.append(error(at: node, "'\(key)' must be a list of strings"))
            return nil
        }
        var result: [(String, Node)] = []
        for item in sequence {
            guard let value = item.scalar?.string else {
                errors.append(error(at: item, "every item of '\(key)' must be a string"))
                continue
            }
            result.append((value, item))
        }
        return result
    }

    mutating func adopt(_ other: YAMLFields) { errors += other.errors }

    mutating func appendError(_ error: RulesetError) { errors.append(error) }
}
