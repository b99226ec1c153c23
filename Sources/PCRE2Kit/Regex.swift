internal import CPCRE2
import Foundation

/// A compiled PCRE2 pattern, JIT-optimised on first use, that any number of threads may match with at once.
///
/// PCRE2 documents compiled code as read-only during matching, so one instance is shared by every
/// worker; each worker brings its own `Matcher` for the mutable match state.
///
/// The pattern is compiled at once, so that a bad one is reported where it was loaded, but given to
/// the JIT only when it is first matched: JIT compilation was a fifth of the work of auditing one
/// article, most of it for rules the article never reaches (a phrase rule served by the shared
/// pass never runs its own pattern at all).
public final class Regex: @unchecked Sendable {
    /// The pattern as written.
    public let pattern: String
    /// Whether matches run through PCRE2's JIT (compiled on first use) rather than its interpreter.
    public let isJITEnabled: Bool
    let code: OpaquePointer
    /// 0 until the first match decides; then 1 if the JIT compiled the pattern, 2 if the interpreter
    /// runs it (no JIT asked for, or the JIT refused it).
    private let jitState: UnsafeMutablePointer<Int32>
    /// One JIT compilation at a time: it happens once per pattern, and a pattern met by two threads
    /// at once must be compiled by one of them only.
    private static let jitLock = NSLock()
    /// The whole match plus each capture group, read once at compile time for the matcher.
    let groupSlots: Int

    /// Compiles `pattern` as UTF-8 with Unicode properties, caseless unless `caseSensitive` is set.
    ///
    /// With `jit` false the pattern runs in PCRE2's interpreter, where the match and depth limits
    /// bound every backtracking step; the JIT counts its work more coarsely, so a pattern nobody has
    /// reviewed can run far longer than the limit suggests.
    public init(_ pattern: String, caseSensitive: Bool = false, jit: Bool = true) throws(RegexCompileError) {
        // USE_OFFSET_LIMIT lets the matcher scan in windows and check its time budget between them.
        // NEVER_BACKSLASH_C: `\C` matches one byte, so a match could end inside a character.
        var options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT | PCRE2_NEVER_BACKSLASH_C)
        if !caseSensitive { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        // Articles end lines with LF, CRLF or a lone CR; ^ and $ should honour all three.
        let compileContext = pcre2_compile_context_create_8(nil)
        defer { pcre2_compile_context_free_8(compileContext) }
        pcre2_set_newline_8(compileContext, UInt32(PCRE2_NEWLINE_ANYCRLF))
        let compiled = pattern.withCString { cString in
            cString.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count + 1) { bytes in
                pcre2_compile_8(bytes, pattern.utf8.count, options, &errorCode, &errorOffset, compileContext)
            }
        }
        guard let compiled else {
            throw RegexCompileError(pattern: pattern, message: pcre2Message(errorCode), offset: errorOffset)
        }
        self.pattern = pattern
        self.code = compiled
        self.isJITEnabled = jit
        jitState = .allocate(capacity: 1)
        jitState.initialize(to: jit ? 0 : 2)
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.groupSlots = Int(count) + 1
    }

    deinit {
        pcre2_code_free_8(code)
        jitState.deallocate()
    }

    /// Whether the JIT runs the pattern: JIT-compiles it now if it has not been yet.
    public var isJITCompiled: Bool { runsJIT() }

    /// Whether the JIT is still to be asked: no match has run yet.
    var isJITPending: Bool { candor_load_acquire(jitState) == 0 }

    /// Whether a match runs through the JIT entry, compiling the pattern the first time.
    @inline(__always)
    func runsJIT() -> Bool {
        let state = candor_load_acquire(jitState)
        return state == 0 ? compileJIT() : state == 1
    }

    private func compileJIT() -> Bool {
        Self.jitLock.lock()
        defer { Self.jitLock.unlock() }
        let state = candor_load_acquire(jitState)
        if state != 0 { return state == 1 }
        let compiled = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
        candor_store_release(jitState, compiled ? 1 : 2)
        return compiled
    }

    /// The number of capturing groups in the pattern.
    public var captureCount: Int { groupSlots - 1 }
}

/// A pattern PCRE2 refused, with its message and the byte offset in the pattern where it gave up.
public struct RegexCompileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let pattern: String
    public let message: String
    public let offset: Int

    public var description: String { "\(message) at offset \(offset)" }
}

/// PCRE2's own text for an error code, so users see the library's exact wording.
func pcre2Message(_ code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
    guard length > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
}
