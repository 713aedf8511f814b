import ArgumentParser

/// `hyperlab run FILE`: run a script and exit.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script and exit (status 1 at the first error).",
        discussion: "Example: hyperlab run sessions/first.hlab --echo"
    )

    /// The script.
    @Argument(help: ArgumentHelp("The script to run: a .hlab script, or the commands of a .md or .ipynb notebook.", valueName: "file.hlab"))
    var file: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try Launch.runScript(file, common)
    }
}
