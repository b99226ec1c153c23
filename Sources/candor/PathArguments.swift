import ArgumentParser
import Foundation

/// ArgumentParser files each positional value by copying every value before it, so a command line of
/// n paths takes time in n² to parse: a run over 8,896 paths that skips every file took 3.15 s, and
/// takes 0.20 s with the paths lifted. A long `audit` command line therefore has its paths lifted out
/// before parsing and put back after. Which tokens are paths is read from the command's own
/// description of its options, so the two readings agree; any token that description cannot place
/// leaves the whole line to the plain parse.
enum PathArguments {
    /// Below this many arguments the plain parse costs well under a millisecond.
    static let threshold = 64

    /// `Candor.parseAsRoot` for `arguments` (the command line without the program name).
    static func parseAsRoot(_ arguments: [String]) throws -> ParsableCommand {
        guard arguments.count >= threshold, arguments.first == Audit.configuration.commandName,
            let names = OptionNames.audit, let split = lift(arguments, names: names)
        else { return try Candor.parseAsRoot(arguments) }
        let command = try Candor.parseAsRoot(split.kept)
        guard var audit = command as? Audit else { return command }
        audit.paths += split.lifted
        try audit.validate()
        return audit
    }

    /// The options of a command: those that take the next token as their value, and flags.
    struct OptionNames {
        var takingValue: Set<String>
        var flags: Set<String>

        static let audit = OptionNames(Audit.self)

        /// Read from the command's help description; nil if any argument is parsed in a way other
        /// than one value after its name (the lifting below knows only that way).
        init?(_ command: ParsableCommand.Type) {
            guard let data = command._dumpHelp().data(using: .utf8),
                let description = try? JSONDecoder().decode(HelpDescription.self, from: data)
            else { return nil }
            takingValue = []
            flags = []
            for argument in description.command.arguments ?? [] {
                guard argument.parsingStrategy == "default" else { return nil }
                let spelt = (argument.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
                switch argument.kind {
                case "option": takingValue.formUnion(spelt)
                case "flag": flags.formUnion(spelt)
                case "positional": continue
                default: return nil
                }
            }
        }
    }

    /// The line with its second and later paths lifted out (the first stays, so the command
    /// validates as it would with all of them), and those paths in order; nil when a token is not
    /// plainly a path, a known option with its value, or a known flag.
    static func lift(_ arguments: [String], names: OptionNames) -> (kept: [String], lifted: [String])? {
        var kept = Array(arguments.prefix(1))
        var lifted: [String] = []
        kept.reserveCapacity(arguments.count)
        var keptPath = false
        var index = 1
        var afterTerminator = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if afterTerminator || !isDashed(token) {
                if keptPath { lifted.append(token) } else { kept.append(token) }
                keptPath = true
                continue
            }
            if token == "--" {
                afterTerminator = true
                kept.append(token)
                continue
            }
            let name = String(token.prefix { $0 != "=" })
            if names.flags.contains(token) {
                kept.append(token)
            } else if names.takingValue.contains(name), name.hasPrefix("--") || name == token {
                kept.append(token)
                // The value after the name, unless it is written `--name=value` or is missing.
                if name == token, index < arguments.count, !isDashed(arguments[index]) {
                    kept.append(arguments[index])
                    index += 1
                }
            } else {
                return nil
            }
        }
        return (kept, lifted)
    }

    /// A token ArgumentParser reads as an option rather than a value (`-` alone is standard input).
    private static func isDashed(_ token: String) -> Bool { token.hasPrefix("-") && token != "-" }
}

/// The parts of ArgumentParser's help description (`--experimental-dump-help`) read above.
private struct HelpDescription: Decodable {
    struct Command: Decodable { var arguments: [Argument]? }
    struct Argument: Decodable {
        var kind: String
        var parsingStrategy: String
        var names: [Name]?
    }
    struct Name: Decodable {
        var kind: String
        var name: String
    }
    var command: Command
}
