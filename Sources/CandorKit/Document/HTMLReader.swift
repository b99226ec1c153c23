internal import CLibXML2

/// Reads the visible article text of an HTML page with libxml2's HTML parser (SAX interface).
///
/// libxml2 is the parser browsers' tooling and most Linux distributions rely on: maintained, forgiving
/// of broken markup, and able to say how far into the input it has read at every callback, which is
/// what lets each piece of text map back to its bytes in the file. The page is fed as UTF-8 (already
/// decoded), text is collected with its position, and `HTMLTextCollector` decides what is visible.
enum HTMLReader {
    static func read(_ decoded: [UInt8]) -> Extraction {
        let collector = HTMLTextCollector(source: decoded)
        let limited = HTMLAttributeLimit.blanking(decoded)
        let parsed = limited?.page ?? decoded
        guard !decoded.isEmpty, let context = htmlNewParserCtxt() else { return collector.finish() }
        defer { htmlFreeParserCtxt(context) }
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            HTMLReader.collector(context)?.start(
                HTMLReader.string(name), HTMLReader.pairs(attributes), HTMLReader.position(context))
        }
        handler.endElement = { context, name in
            HTMLReader.collector(context)?.end(HTMLReader.string(name), HTMLReader.position(context))
        }
        handler.characters = { context, characters, length in
            guard let characters else { return }
            let bytes = Array(UnsafeBufferPointer(start: characters, count: Int(length)))
            HTMLReader.collector(context)?.characters(bytes, endingAt: HTMLReader.position(context))
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        context.pointee.sax.pointee = handler
        let retained = Unmanaged.passRetained(collector)
        context.pointee._private = retained.toOpaque()
        defer { retained.release() }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        parsed.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                let document = htmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, "UTF-8", options)
                if let document { xmlFreeDoc(document) }
            }
        }
        var extraction = collector.finish()
        extraction.diagnostics += limited?.warnings ?? []
        return extraction
    }

    private static func collector(_ context: UnsafeMutableRawPointer?) -> HTMLTextCollector? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return Unmanaged<HTMLTextCollector>.fromOpaque(state).takeUnretainedValue()
    }

    /// How many bytes of the UTF-8 input the parser has consumed.
    private static func position(_ context: UnsafeMutableRawPointer?) -> Int {
        guard let context else { return 0 }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let input = parser.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return 0
        }
        // libxml2 drops bytes it has finished with from the front of its buffer and counts them here.
        return Int(input.pointee.consumed) + (cur - base)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func pairs(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        guard var cursor = attributes else { return [:] }
        var result: [String: String] = [:]
        while let name = cursor.pointee {
            let value = cursor.successor().pointee
            result[String(cString: name).lowercased()] = value.map { String(cString: $0) } ?? ""
            cursor = cursor.advanced(by: 2)
        }
        return result
    }
}
