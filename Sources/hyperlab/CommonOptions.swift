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

    /// After a script, write the session as a notebook here (Jupyter's for a `.ipynb` name).
    @Option(help: ArgumentHelp("After the script, write the session as a Markdown notebook to this file (a Jupyter notebook for a name ending in .ipynb).",
                               valueName: "file.md"))
    var notebook: String?

    /// How long a sweep run by workers waits for a PostgreSQL server that stopped answering.
    @Option(help: ArgumentHelp("How long 'sweep … workers=external' waits for a PostgreSQL server that stopped answering (e.g. 90s, 5m).",
                               valueName: "time"))
    var reconnect: ReconnectTime = .standard

    /// Allow `objective command` to run external programs.
    @Flag(help: "Allow 'objective command \"...\"' to run external programs.")
    var allowCommands = false

    /// Go on after a failed command instead of stopping the script.
    @Flag(help: "After a failed command, go on with the next one, as the interactive shell does (the exit status is still 1).")
    var keepGoing = false
}
