import Foundation
import Testing

@testable import PCRE2Kit

@Suite struct RegexTests {
    private func matches(_ pattern: String, in subject: String) throws -> [String] {
        let regex = try Regex(pattern)
        let bytes = Array(subject.utf8)
        var found: [String] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try Matcher().forEachMatch(of: regex, in: buffer) { match in
                found.append(String(decoding: bytes[match.range], as: UTF8.self))
                return true
            }
        }
        return found
    }

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect(throws: RegexCompileError.self) { try Regex(#"\bfoo(?=\b"#) }
        do {
            _ = try Regex(#"\bfoo(?=\b"#)
        } catch {
            #expect(error.message.contains("missing closing parenthesis"))
            #expect(error.offset == 10)
        }
    }

    @Test func caselessByDefaultAndCaseSensitiveOnRequest() throws {
        #expect(try matches("analysts", in: "Analysts and ANALYSTS") == ["Analysts", "ANALYSTS"])
        let sensitive = try Regex("Analysts", caseSensitive: true)
        #expect(sensitive.matches("analysts") == false)
        #expect(sensitive.matches("Analysts") == true)
    }

    @Test func offsetsAreBytesInUTF8() throws {
        let regex = try Regex("became")
        let text = Array("Ünïcödé text became".utf8)
        let match = try text.withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0, from: 0) }
        #expect(match?.range == 17..<23)
    }

    @Test func unicodePropertiesApplyToWordBoundaries() throws {
        #expect(try matches(#"\bcafé\b"#, in: "un café noir") == ["café"])
    }

    @Test func emptyMatchesAdvanceWithoutLooping() throws {
        #expect(try matches("x*", in: "ab").count == 3)
    }

    @Test func iteratesAllNonOverlappingMatches() throws {
        #expect(try matches(#"\bmay\b"#, in: "It may rain; it may not.") == ["may", "may"])
    }

    /// A pattern with a subject that makes a backtracking engine explore a huge number of paths.
    struct Hostile: Sendable, CustomTestStringConvertible {
        let pattern: String
        let subject: String
        var testDescription: String { "\(pattern) on \(subject.utf8.count) bytes" }
    }

    static let catastrophic = [
        Hostile(pattern: #"(a+)+$"#, subject: String(repeating: "a", count: 100_000) + "b"),
        Hostile(pattern: #"(a|aa)*c"#, subject: String(repeating: "a", count: 100_000) + "bc"),
        Hostile(
            pattern: #"(.*a){20}"#, subject: String(repeating: "a", count: 19) + String(repeating: "b", count: 100_000)),
    ]

    @Test(arguments: catastrophic)
    func catastrophicPatternsHitALimitInsteadOfHanging(_ hostile: Hostile) throws {
        let regex = try Regex(hostile.pattern, jit: false)
        let subject = Array(hostile.subject.utf8)
        let error = #expect(throws: MatchError.self) {
            try subject.withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0, from: 0) }
        }
        #expect(error?.isResourceLimit == true)
    }

    /// The JIT's own entry, which JIT-compiled patterns run through, keeps the matcher's match limit:
    /// a match that takes more steps than a low limit allows stops with the limit's error, and
    /// succeeds under the default one.
    @Test func theJITKeepsTheMatchLimit() throws {
        let regex = try Regex(#"^(?:.)*?c"#)
        #expect(regex.isJITCompiled)
        let subject = Array((String(repeating: "ab", count: 1_000) + "c").utf8)
        let strict = Matcher(limits: Matcher.Limits(matchLimit: 100))
        let error = #expect(throws: MatchError.self) {
            try subject.withUnsafeBufferPointer { try strict.firstMatch(of: regex, in: $0, from: 0) }
        }
        #expect(error?.isResourceLimit == true)
        let match = try subject.withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0, from: 0) }
        #expect(match?.range == 0..<subject.count)
    }

    /// A pattern is compiled at once (a bad one fails where it is made) but JIT-compiled only when it
    /// is first matched; threads meeting it together compile it once, and all find the same matches.
    @Test func theJITCompilesOnFirstUseOnceForAllThreads() throws {
        #expect(throws: RegexCompileError.self) { try Regex("(unclosed") }
        let regex = try Regex(#"\b(\w+)\s+said\b"#)
        #expect(regex.isJITEnabled && regex.isJITPending)
        let subject = Array(String(repeating: "Jane said so and Tom said no. ", count: 50).utf8)
        let counts = Slots(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            var found = 0
            subject.withUnsafeBufferPointer { buffer in
                try? Matcher().forEachMatch(of: regex, in: buffer) { _ in
                    found += 1
                    return true
                }
            }
            counts.set(index, found)
        }
        #expect(counts.values == Array(repeating: 100, count: 16))
        #expect(!regex.isJITPending && regex.isJITCompiled)
        let interpreted = try Regex(#"\bsaid\b"#, jit: false)
        #expect(!interpreted.isJITEnabled && !interpreted.isJITPending && !interpreted.isJITCompiled)
    }

    /// The JIT's entry and the interpreter find the same matches, from a start and up to a latest
    /// start, with groups and empty matches.
    @Test func theJITAndTheInterpreterAgree() throws {
        let patterns = [#"\b(\w+)\s+(?:said|says)\b"#, #"(?<!\bthe\s)\bmay\b"#, "x*", #"é+|\bneedle\b"#, #"(?m)^\w+"#]
        let subject = Array("Jane said it may rain.\nThe may  é needle\nTom says xx".utf8)
        for pattern in patterns {
            let (jit, interpreted) = (try Regex(pattern), try Regex(pattern, jit: false))
            #expect(jit.isJITCompiled && !interpreted.isJITCompiled)
            for start in [0, 5, 23, subject.count] {
                for latest in [start, start + 10, Int.max] {
                    func all(_ regex: Regex) throws -> [Match] {
                        var found: [Match] = []
                        try subject.withUnsafeBufferPointer { buffer in
                            try Matcher().forEachMatch(of: regex, in: buffer, from: start, within: latest) {
                                found.append($0)
                                return true
                            }
                        }
                        return found
                    }
                    #expect(try all(jit) == all(interpreted), "\(pattern) from \(start) within \(latest)")
                }
            }
        }
    }

    @Test func aStartBeyondTheSubjectIsAnError() throws {
        let subject = Array("short".utf8)
        for regex in [try Regex("t"), try Regex("t", jit: false)] {
            let error = #expect(throws: MatchError.self) {
                try subject.withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0, from: 6) }
            }
            #expect(error?.message.contains("offset") == true)
        }
    }

    /// Every start position is slow but within the match limit, so only the time budget, checked
    /// between windows, can stop the scan.
    @Test func aScanSlowAtEveryPositionStopsAtItsTimeBudget() throws {
        let regex = try Regex(#"(?=[ab]*c\d)"#)
        let subject = Array((String(repeating: "ab", count: 60_000) + "c").utf8)
        let matcher = Matcher(limits: Matcher.Limits(timeBudget: .milliseconds(20), timePerMegabyte: .zero))
        let started = ContinuousClock.now
        #expect(throws: MatchError.timeBudgetExceeded) {
            try subject.withUnsafeBufferPointer { try matcher.firstMatch(of: regex, in: $0, from: 0) }
        }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func windowedScanFindsMatchesBeyondTheFirstWindow() throws {
        let text = String(repeating: "x", count: 10_000) + " needle " + String(repeating: "é", count: 3_000) + " needle"
        #expect(try matches(#"\bneedle\b"#, in: text) == ["needle", "needle"])
    }

    @Test func captureGroupsAreReported() throws {
        let regex = try Regex(#"(\w+)@(\w+)?"#)
        #expect(regex.captureCount == 2)
        let text = Array("user@".utf8)
        let match = try text.withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0, from: 0) }
        #expect(match?.groups[1] == 0..<4)
        #expect(match?.groups[2] == nil)
    }
}

/// Results written by concurrent workers, each to its own place.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int]

    init(count: Int) { stored = Array(repeating: -1, count: count) }

    func set(_ index: Int, _ value: Int) { lock.withLock { stored[index] = value } }

    var values: [Int] { lock.withLock { stored } }
}
