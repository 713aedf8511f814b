import ArgumentParser

/// Options shared by every way of running the shell (`hyperlab`, `hyperlab FILE`, `hyperlab run`).
struct CommonOptions: ParsableArguments {
    /// Print each command before its output.
    @Flag(help: "Print each command before its output (for transcripts, like psql -a).")
    var echo = false

    /// Where studies are kept.
    @Option(help: ArgumentHelp("Where studies are kept: a SQLite file, 'memory', or postgresql://USER@HOST/DB.",
                               discussion: "Default: hyperlab.sqlite in the working directory.",
                               valueName: "path|memory|postgresql://..."))
    var store: String?

    /// After a script, write the session as a Markdown notebook here.
    @Option(help: ArgumentHelp("After the script, write the session as a Markdown notebook to this file.",
                               valueName: "file.md"))
    var notebook: String?

    /// Allow `objective command` to run external programs.
    @Flag(help: "Allow 'objective command \"...\"' to run external programs.")
    var allowCommands = false

    /// Go on after a failed command instead of stopping the script.
    @Flag(help: "After a failed command, go on with the next one, as the interactive shell does (the exit status is still 1).")
    var keepGoing = false
}
