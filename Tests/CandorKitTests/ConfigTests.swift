import CandorKit
import CandorTestSupport
import Foundation
import Testing

@Suite struct ConfigTests {
    private func config(_ yaml: String) throws -> CandorConfig {
        let folder = try Scratch.folder("config")
        let path = folder.appendingPathComponent(CandorConfig.fileName).path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let (config, errors) = CandorConfig.load(path: path)
        #expect(errors.isEmpty, "\(errors)")
        return config
    }

    @Test func includeAndExcludeGlobsAreRelativeToTheConfigFolder() throws {
        let loaded = try config("version: 1\ninclude: [\"drafts/**/*.md\"]\nexclude: [\"drafts/archive/**\"]\n")
        let folder = URL(fileURLWithPath: loaded.path!).deletingLastPathComponent()
        #expect(loaded.admits(folder.appendingPathComponent("drafts/a.md").path))
        #expect(loaded.admits(folder.appendingPathComponent("drafts/2025/march/b.md").path))
        #expect(!loaded.admits(folder.appendingPathComponent("drafts/a.txt").path))
        #expect(!loaded.admits(folder.appendingPathComponent("drafts/archive/old.md").path))
        #expect(!loaded.admits(folder.appendingPathComponent("notes/a.md").path))
    }

    @Test func overridesSwitchOffAndResetSeverity() throws {
        let loaded = try config("version: 1\nrules:\n  bias: off\n  unsourced.experts-say: error\n")
        let rules = loaded.apply(to: TestSupport.core.ruleset).rules
        #expect(!rules.contains { $0.category == .bias })
        #expect(rules.first { $0.id == "unsourced.experts-say" }?.severity == .error)
        #expect(rules.first { $0.id == "unsourced.many-believe" }?.severity == .warning)
    }
}
