import Foundation

/// Finds the `Rulesets/` folder that ships with Candor.
///
/// Looked for, in order: `$CANDOR_RULESETS`; `share/candor/Rulesets` beside an installed binary's
/// `bin/`; the nearest `Rulesets/` above the running executable (a build inside the repository); and
/// the repository this library was compiled from.
public enum BuiltinRulesets {
    public static func directory(executablePath: String = CommandLine.arguments.first ?? "") -> String? {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["CANDOR_RULESETS"], !override.isEmpty {
            return override
        }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/candor/Rulesets").path)
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent("Rulesets").path)
            folder = folder.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("Rulesets").path)
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: path + "/core", isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
