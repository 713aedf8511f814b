extension StringProtocol {
    /// The length of the longest run of `character` in the text: how much of a repeated input
    /// (`"qqq…"`) a message quoted. Shared by the Kit's and the shell's tests of quoted input.
    public func longestRun(of character: Character) -> Int {
        var longest = 0, run = 0
        for c in self {
            run = c == character ? run + 1 : 0
            longest = Swift.max(longest, run)
        }
        return longest
    }
}
