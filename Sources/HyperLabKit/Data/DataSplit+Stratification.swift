/// Which splits keep the class proportions when `stratify=` is not given.
extension DataSplit {
    /// Whether a split of `dataset` is stratified when `stratify=` is not given: yes for
    /// classification data read from a real table (a CSV file, or a raw built-in table such as
    /// penguins), no for the other built-in datasets.
    ///
    /// Stratifying keeps every class in every part in the file's proportions, which is what a
    /// real table needs. The classic built-in datasets keep the plain shuffle they always had, so
    /// the tutorials and every script and saved session written for them give the same numbers.
    /// Cross-validation (`CrossValidationSplit`) stratifies classification data of any source.
    public static func stratifiesByDefault(_ dataset: Dataset) -> Bool {
        dataset.task == .classification && dataset.source.isTable
    }
}
