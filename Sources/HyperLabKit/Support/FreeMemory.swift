import CProcess

/// Hands the free memory of the C allocator back to the system.
///
/// A long sweep allocates each trial's training buffers on worker threads and keeps only its
/// small record. glibc's allocator keeps the freed pages between the records it still holds, and
/// the process grew by about 12 KB of such pages per trial (1.3 GB at 100,000 iris trials,
/// whose live data is 170 MB). `malloc_trim` returns every whole free page of every arena.
public enum FreeMemory {
    /// How many finished trials a study runs between two returns of free memory.
    public static let trialsBetweenReturns = 512

    /// Returns the allocator's free pages to the system (glibc; elsewhere nothing to do).
    public static func returnToSystem() {
        hyperlab_return_free_memory()
    }
}
