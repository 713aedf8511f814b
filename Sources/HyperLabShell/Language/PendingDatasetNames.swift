// Temporary until the data layer's catalogue lands (replaced by BuiltinDatasets.names).
enum PendingDatasetNames {
    static let all = ["iris", "wine", "breast-cancer", "digits", "diabetes", "moons", "circles", "spirals", "xor", "blobs"]
}
