import Foundation

/// `tutorials` (and `help tutorials`): the lecture scripts with their titles.
extension Shell {
    /// One tutorial: its file and the title from its first line (`# Tutorial 3: grid search …`).
    struct TutorialEntry {
        let path: String
        let title: String
    }

    /// The tutorial scripts, sorted by name.
    func tutorialEntries() -> [TutorialEntry] {
        let folder = options.tutorialsDirectory ?? (options.workingDirectory as NSString).appendingPathComponent("tutorials")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".hlab") }.sorted()
        return names.map { name in
            let full = (folder as NSString).appendingPathComponent(name)
            let first = (try? String(contentsOfFile: full, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
            var title = first.hasPrefix("#") ? String(first.dropFirst()).trimmingCharacters(in: .whitespaces) : name
            if let colon = title.range(of: ": "), title.hasPrefix("Tutorial") { title = String(title[colon.upperBound...]) }
            let shown = options.tutorialsDirectory == nil ? "tutorials/\(name)" : full
            return TutorialEntry(path: shown, title: title)
        }
    }

    /// The tutorials and how to replay one.
    func listTutorials() -> CommandOutput {
        let entries = tutorialEntries()
        guard !entries.isEmpty else {
            return .line("no tutorials found: start hyperlab in the HyperLab folder (they live in tutorials/)")
        }
        let folder = (entries[0].path as NSString).deletingLastPathComponent
        let columns = [TextTable.Column("tutorial", alignment: .left), TextTable.Column("section", alignment: .left)]
        return CommandOutput([.table(TextTable(title: "tutorials in \(folder)/", columns: columns,
                                               rows: entries.map { [($0.path as NSString).lastPathComponent, $0.title] },
                                               notes: ["replay one step by step: replay \"\(entries[0].path)\" step=yes",
                                                       "(Enter between steps; afterwards, save notebook \"handout.md\" makes a handout)"]))])
    }
}
