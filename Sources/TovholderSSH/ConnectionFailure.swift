import NIOCore
import NIOSSH
import TovholderCore

/// Why a laptop did not get in before login, worded so the facilitator can act on it.
enum ConnectionFailure: Equatable {
    /// No cipher, MAC or key exchange both sides know: an old PuTTY or dropbear.
    case noCommonAlgorithm
    /// It spoke something else than SSH: a browser on the SSH port, a scanner.
    case notSSH
    /// It closed during the handshake, before logging in.
    case closedBeforeLogin
    /// It did not log in within the time allowed.
    case timedOut(seconds: Int)

    static func classify(_ error: Error) -> ConnectionFailure? {
        guard let ssh = error as? NIOSSHError else { return nil }
        switch ssh.type {
        case .keyExchangeNegotiationFailure: return .noCommonAlgorithm
        case .unsupportedVersion, .protocolViolation, .invalidPacketFormat, .unknownPacketType, .invalidSSHMessage:
            return .notSSH
        default: return nil
        }
    }

    func text(address: String) -> Localized {
        switch self {
        case .noCommonAlgorithm:
            return Localized(
                da: "En bærbar på \(address) kunne ikke forbinde: dens ssh-program er for gammelt (ingen fælles kryptering). Opdatér PuTTY, eller brug Windows' egen ssh.",
                en: "A laptop at \(address) could not connect: its ssh program is too old (no common encryption). Update PuTTY, or use Windows' own ssh.")
        case .notSSH:
            return Localized(
                da: "En forbindelse fra \(address) talte ikke SSH (måske en browser på ssh-porten). Grupperne skal bruge ssh-kommandoen.",
                en: "A connection from \(address) did not speak SSH (perhaps a browser on the ssh port). The groups must use the ssh command.")
        case .closedBeforeLogin:
            return Localized(
                da: "En bærbar på \(address) lukkede forbindelsen, før den var logget ind (afbrudt, eller serverens nøgle blev afvist).",
                en: "A laptop at \(address) closed the connection before logging in (cancelled, or the server's key was refused).")
        case .timedOut(let seconds):
            return Localized(
                da: "En bærbar på \(address) blev ikke logget ind inden for \(seconds) sekunder: forbindelsen er lukket.",
                en: "A laptop at \(address) did not log in within \(seconds) seconds: the connection is closed.")
        }
    }
}
