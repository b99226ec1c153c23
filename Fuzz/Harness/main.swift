import CandorKit
import Foundation
import FuzzDriver

/// libFuzzer entry point. `CANDOR_FUZZ_TARGET` picks what the input feeds: `text`, `markdown`,
/// `html` (the document readers), `ruleset` (the YAML rule loader) or `audit` (the whole audit with
/// the built-in rules, format detected from the bytes).
let target = ProcessInfo.processInfo.environment["CANDOR_FUZZ_TARGET"] ?? "audit"
let auditor = Auditor(
    ruleset: RulesetLoader.load([BuiltinRulesets.source()]).ruleset)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "text": _ = Document(path: "fuzz.txt", bytes: bytes, format: .text)
    case "markdown": _ = Document(path: "fuzz.md", bytes: bytes, format: .markdown)
    case "html": _ = Document(path: "fuzz.html", bytes: bytes, format: .html)
    case "ruleset":
        _ = RulesetLoader.parse(
            yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yml", pack: "fuzz", trusted: false)
    default:
        let report = auditor.audit(Document(path: "fuzz", bytes: bytes))
        precondition(report.base + report.breakdown.reduce(0) { $0 + $1.points } == report.score)
        for finding in report.findings where finding.scope == .span {
            precondition(finding.byteStart <= finding.byteEnd && finding.byteEnd <= bytes.count)
        }
    }
    return 0
}

/// SwiftPM names an executable's entry point after the target; hand control to libFuzzer's driver.
@_cdecl("candor_fuzz_main")
public func candorFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzOne(data!, size)
    }
}
