import ArgumentParser

/// `hyperlab [FILE] [-c CMD]...`: the interactive shell, a script, or commands (the default subcommand).
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "The interactive shell, or run a script or commands and exit (the default).",
        discussion: """
            hyperlab                      interactive shell (stdin a terminal), else stdin as a script
            hyperlab FILE.hlab            run the script and exit
            hyperlab -c 'load iris' -c 'show data'
            """
    )

    /// Commands to run, in order, instead of the interactive shell.
    @Option(name: .customShort("c"), parsing: .singleValue,
            help: ArgumentHelp("Run these commands and exit (repeatable; ';' separates commands).",
                               valueName: "commands"))
    var commands: [String] = []

    /// A script to run instead of the interactive shell.
    @Argument(help: ArgumentHelp("A script to run and exit.", valueName: "file.hlab"))
    var file: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if file != nil && !commands.isEmpty {
            throw ValidationError("Give either a script file or -c commands, not both.")
        }
    }

    func run() throws {
        if let file {
            try Launch.runScript(file, common)
        } else {
            try Launch.runShell(commands: commands, common)
        }
    }
}
