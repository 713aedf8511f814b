import HyperLabKit

// hyperlab: wires a terminal (or a script) to the HyperLab shell. See HyperLabCommand.
HyperLabCommand.main()
