/// The options every way of running the shell shares (`CommonOptions`), accepted before a
/// subcommand too: `hyperlab --store memory run FILE` reads as `hyperlab run --store memory FILE`.
///
/// swift-argument-parser gives options to the command they follow, and a root command with a
/// default subcommand reads `run` after `--store memory` as the shell's script argument. So
/// the options in front of a subcommand's name are moved behind it before parsing.
enum GlobalArguments {
    /// The subcommands' names.
    static let subcommands: Set<String> = ["shell", "run", "tutorials", "worker", "kernel"]
    /// Flags of `CommonOptions`.
    static let flags: Set<String> = ["--echo", "--allow-commands", "--keep-going"]
    /// Options of `CommonOptions` that take a value.
    static let valued: Set<String> = ["--store", "--notebook", "--reconnect"]

    /// `arguments` (without the program name) with leading common options moved behind the
    /// subcommand that follows them; unchanged when no subcommand follows them.
    static func hoisted(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if flags.contains(argument) || (valued.contains(name) && argument.contains("=")) {
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                index += 2
            } else {
                break
            }
        }
        guard index > 0, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + arguments[..<index] + arguments[(index + 1)...]
    }
}
