import HyperLabKit

// hyperlab: wires a terminal (or a script) to the HyperLab shell. See HyperLabCommand.
// Common options may come before a subcommand (GlobalArguments).
HyperLabCommand.main(GlobalArguments.hoisted(Array(CommandLine.arguments.dropFirst())))
