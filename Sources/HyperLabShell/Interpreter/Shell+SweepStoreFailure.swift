import HyperLabKit

/// What a sweep says when its store failed: the trials it ran are the current sweep all the
/// same, and the command fails after, so a script stops and the process exits non-zero.
extension Shell {
    /// The error a sweep ends with when the store failed during it (`report.storeError`) or when
    /// its status could not be set after it (`statusError`); nil when the store took everything.
    func storeFailure(of report: StudyReport, statusError: StorageError?, name: String,
                      command: BoundCommand) -> InputError? {
        let span = command.syntax.nameSpan
        if report.storeError != nil {
            let unstored = Set(report.unstoredTrials)
            let lost = report.trials.filter { unstored.contains($0.number) && Study.isKept($0) }.count
            guard lost > 0 else {
                return InputError("\(name) stopped when the store failed; its finished trials are stored", at: span,
                                  hint: "resume \"\(name)\" runs the rest once the store can be written")
            }
            return InputError("\(lost) finished trial\(lost == 1 ? "" : "s") of \(name) could not be stored in \(storeLocation)",
                              at: span,
                              hint: "\(lost == 1 ? "it is" : "they are") kept in this session: results shows them, "
                                + "save results \"sweep.csv\" writes them; resume \"\(name)\" runs \(lost == 1 ? "it" : "them") "
                                + "again with the rest once the store can be written")
        }
        guard let statusError else { return nil }
        return InputError("the store could not record that \(name) \(report.stoppedEarly ? "stopped" : "is complete"): "
                          + statusError.message, at: span,
                          hint: "its trials are stored; resume \"\(name)\" sets it right once the store can be written")
    }
}
