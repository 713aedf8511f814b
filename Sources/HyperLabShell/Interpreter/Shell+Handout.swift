import Foundation

/// What a handout (`save notebook`) gets: every output as a plain, timing-free script prints it.
///
/// The terminal shows colour, the terminal's width and, for commands a person types, wall
/// times; the notebook keeps the plain rendering (80 columns, no escape codes, no wall times),
/// so a handout saved after `replay … step=yes` reads the same as one saved from a script.
extension Shell {
    /// Prints `line(timings)`: with wall times when they are shown; the notebook gets it without.
    func presentLine(_ line: (_ timings: Bool) -> String) {
        console.line(line(options.showTimings), plain: line(false))
    }

    /// Where studies are stored, as the user should read it: a file inside the working folder
    /// relative to it (`hyperlab.sqlite`), anything else as the store names itself.
    var storeLocation: String {
        Shell.relativePath(options.repository.location, to: options.workingDirectory)
    }

    /// `path` relative to `folder` when it lies inside it; `path` unchanged otherwise.
    static func relativePath(_ path: String, to folder: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
    }
}
