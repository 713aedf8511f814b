/// Printing a command's typed result: the dispatcher hands what a handler returns to the console.
extension Shell {
    /// Prints `result` with wall times where they are shown; its figures also go to the
    /// notebook as drawings.
    func emit(_ result: some CommandResult) {
        let recorder = notebookOutput
        console.render(result.output, timings: options.showTimings,
                       aroundFigure: recorder.map { recorder in { svg, draw in recorder.figure(svg: svg, draw) } })
    }
}
