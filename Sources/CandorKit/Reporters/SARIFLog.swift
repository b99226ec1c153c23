/// The subset of the SARIF 2.1.0 object model that Candor writes, as typed `Codable` values.
struct SARIFLog: Encodable {
    let version = "2.1.0"
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let invocations: [Invocation]
        let columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }

    struct Message: Encodable { let text: String }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
        let properties: Properties
    }

    struct Configuration: Encodable { let level: String }

    struct Properties: Encodable {
        let category: String
        let weight: Double
        let tags: [String]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let baselineState: String?
        /// The rules that matched the same words and were not scored (`alsoMatched` in JSON).
        let properties: ResultProperties?
    }

    struct ResultProperties: Encodable { let alsoMatched: [String] }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let byteLength: Int
        let snippet: Message?
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        /// Gate failures, one notification each (absent when every gate passed).
        let toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [NotificationLocation]?
    }

    struct NotificationLocation: Encodable { let physicalLocation: FileOnly }

    struct FileOnly: Encodable { let artifactLocation: ArtifactLocation }
}
