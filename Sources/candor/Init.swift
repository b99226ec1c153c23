import ArgumentParser
import CandorKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .candor.yml here.")

    @Flag(help: "Overwrite an existing .candor.yml.")
    var force = false

    func run() throws {
        let path = CandorConfig.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            Console.error("\(path) already exists; use --force to overwrite it")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
        guard ReportWriter.write(CandorConfig.starter, to: path) else { throw ExitCode(ExitStatus.inputError.rawValue) }
        print("wrote \(path)")
    }
}
