import ArgumentParser
import HyperLabShell

/// `hyperlab`: the root command. Without a subcommand it runs `shell` (the default), so
/// `hyperlab`, `hyperlab FILE.hlab` and `hyperlab -c '...'` all reach the shell, while
/// `hyperlab run FILE.hlab` (and later `hyperlab worker ...`) are subcommands of their own.
struct HyperLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyperlab",
        abstract: "A workbench for choosing the hyperparameters of small neural networks.",
        usage: """
            hyperlab [--echo] [--store <store>] [--allow-commands] [--keep-going] [--reconnect <time>]
            hyperlab [<options>] <file.hlab>
            hyperlab run [<options>] <file.hlab> [--notebook <file.md|file.ipynb>]
            hyperlab tutorials
            hyperlab worker --store postgresql://USER@HOST/DB [--study NAME] [--parallel N]
            hyperlab kernel install [--user | --prefix <prefix>]
            hyperlab [<options>] -c '<command>; <command>' [-c '<command>' ...]
            """,
        discussion: """
            Without arguments, hyperlab opens an interactive shell: line editing, Ctrl-R history \
            search, Tab completion, history kept in ~/.hyperlab_history (HYPERLAB_HISTORY \
            overrides the path). Type 'help' for the commands; Ctrl-D or 'quit' leaves.

            Standard input that is not a terminal is read as a script. Scripts and -c commands \
            stop at the first error and exit with status 1; the message names the file, line \
            and column. With --keep-going they go on after an error, as the interactive shell \
            does, and exit with status 1 at the end.

            Examples:
              hyperlab                                  the interactive shell
              hyperlab sessions/first.hlab              replay a saved session
              hyperlab run tutorials/01-scope.hlab --notebook handout.md
              hyperlab run tutorials/03-grid-2d.hlab --notebook handout.ipynb
              hyperlab run handout.md                   replay a notebook's commands (.md or .ipynb)
              hyperlab tutorials                        list the lecture tutorials
              hyperlab kernel install --user            the HyperLab kernel for Jupyter
              hyperlab -c 'load iris; show data'
              hyperlab -c 'load iris' -c 'split train=0.6 dev=0.2 test=0.2 seed=1'
              echo 'datasets' | hyperlab

            Options (all but -c also go after 'run', and before it):
              -c <commands>        run commands and exit (repeatable, run in order)
              --echo               print each command before its output
              --store <store>      where studies are kept: a SQLite file (default
                                   hyperlab.sqlite), 'memory', or a PostgreSQL
                                   database, postgresql://USER@HOST/DB (the password
                                   from PGPASSWORD or ~/.pgpass)
              --notebook <file.md> after a script, write the session as a Markdown notebook
                                   (a Jupyter notebook for a name ending in .ipynb)
              --allow-commands     let 'objective command' run external programs
              --reconnect <time>   how long 'sweep … workers=external' waits for a PostgreSQL
                                   server that stopped answering (default 5m; 90s, 1h, ...)
              --keep-going         after a failed command, go on with the next one
            """,
        version: Shell.version,
        subcommands: [ShellCommand.self, RunCommand.self, TutorialsCommand.self, WorkerCommand.self, KernelCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}
