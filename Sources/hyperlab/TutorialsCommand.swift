import ArgumentParser

/// `hyperlab tutorials`: the lecture's tutorials, and how to replay one.
struct TutorialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorials",
        abstract: "List the lecture tutorials (replay one with: hyperlab tutorials/NN-name.hlab).")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let shell = try Launch.makeShell(common, interactive: false)
        if shell.run("tutorials") != .completed { throw ExitCode(1) }
    }
}
