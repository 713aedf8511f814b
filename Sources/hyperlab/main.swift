import HyperLabKit

// hyperlab: wires a terminal (or a script) to the HyperLab shell. See HyperLabCommand.
// OpenBLAS first: its idle worker threads would otherwise spin beside the trials.
OpenBLASGEMM.useOneThread()
HyperLabCommand.main()
