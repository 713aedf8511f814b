/// Replaying a Jupyter notebook (`hyperlab run FILE.ipynb`, `replay "FILE.ipynb"`): its cells run
/// in order, each as a script of its own named `FILE.ipynb cell N`, so an error points at the cell
/// and at the line and column within it.
extension Shell {
    /// Runs the cells of `script`, read from the notebook `source`; stops at the first error.
    /// Cells of another language, and a notebook of another kernel, are skipped with a note.
    /// - Parameter step: wait for Enter before each command, as `replay … step=yes` does.
    public func run(_ script: JupyterScript, source: String, step: Bool = false) -> RunOutcome {
        if let foreign = script.foreignKernel {
            console.error("note: \(source) is \(foreign)")
            return .completed
        }
        if notebook.title == nil { notebook.title = script.title }
        for part in script.steps {
            switch part {
            case .skipped(let cell, let reason):
                console.error("note: \(source) cell \(cell) was skipped: \(reason)")
            case .commands(let cell, let text):
                let name = "\(source) cell \(cell)"
                let outcome = step ? SteppedReplay(shell: self, source: name).run(text) : run(text, source: name)
                if outcome != .completed { return outcome }
            }
        }
        return .completed
    }
}
