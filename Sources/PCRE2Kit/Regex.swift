internal import CPCRE2

/// A compiled, JIT-optimised PCRE2 pattern that any number of threads may match with at once.
///
/// PCRE2 documents compiled code as read-only during matching, so one instance is shared by every
/// worker; each worker brings its own `Matcher` for the mutable match state.
public final class Regex: @unchecked Sendable {
    /// The pattern as written.
    public let pattern: String
    /// Whether PCRE2's JIT compiler accepted the pattern (matching falls back to the interpreter if not).
    public let isJITCompiled: Bool
    let code: OpaquePointer
    /// The whole match plus each capture group, read once at compile time for the matcher.
    let groupSlots: Int

    /// Compiles `pattern` as UTF-8 with Unicode properties, caseless unless `caseSensitive` is set.
    ///
    /// With `jit` false the pattern runs in PCRE2's interpreter, where the match and depth limits
    /// bound every backtracking step; the JIT counts its work more coarsely, so a pattern nobody has
    /// reviewed can run far longer than the limit suggests.
    public init(_ pattern: String, caseSensitive: Bool = false, jit: Bool = true) throws(RegexCompileError) {
        // USE_OFFSET_LIMIT lets the matcher scan in windows and check its time budget between them.
        var options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT)
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
        self.isJITCompiled = jit && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.groupSlots = Int(count) + 1
    }

    deinit { pcre2_code_free_8(code) }

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
