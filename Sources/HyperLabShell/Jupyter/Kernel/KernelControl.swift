import HyperLabKit

/// The control channel, served on a thread of its own so that it answers while a cell runs:
/// `interrupt_request` stops the running command, `shutdown_request` ends the kernel after it.
struct KernelControl: Sendable {
    /// The kernel's sockets.
    let channels: KernelChannels

    /// `kernel_info_reply` content.
    static let kernelInfo: JupyterJSON = .object([
        "status": .string("ok"),
        "protocol_version": .string(KernelMessage.protocolVersion),
        "implementation": .string("hyperlab"),
        "implementation_version": .string(HyperLabVersion.current),
        "language_info": .object([
            "name": .string(JupyterLanguage.language),
            "version": .string(HyperLabVersion.current),
            "mimetype": .string(JupyterLanguage.mimeType),
            "file_extension": .string(JupyterLanguage.fileExtension),
        ]),
        "banner": .string("HyperLab \(HyperLabVersion.current): choose the hyperparameters of neural networks. Type help for the commands."),
        "help_links": .array([]),
    ])

    /// Answers control requests until shutdown.
    func serve() {
        while !channels.shuttingDown.load(ordering: .acquiring) {
            guard let request = channels.nextMessage(on: channels.control, name: "control") else { continue }
            switch request.type {
            case "interrupt_request":
                channels.interrupt()
                channels.reply("interrupt_reply", .object(["status": .string("ok")]), to: request, on: channels.control)
            case "shutdown_request":
                shutDown(request, on: channels.control)
            case "kernel_info_request":
                channels.reply("kernel_info_reply", Self.kernelInfo, to: request, on: channels.control)
            default:
                KernelChannels.log("ignored a \(request.type.isEmpty ? "message without a type" : request.type) on the control channel")
            }
        }
    }

    /// Answers a shutdown request, stops the running command and ends the serving loops.
    func shutDown(_ request: KernelMessage, on socket: ZeroMQSocket) {
        let restart = request.content[boolean: "restart"] ?? false
        channels.reply("shutdown_reply", .object(["status": .string("ok"), "restart": .boolean(restart)]), to: request, on: socket)
        channels.interrupt()
        channels.shuttingDown.store(true, ordering: .releasing)
    }
}
