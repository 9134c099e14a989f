import TovholderCore

/// The words of joining over SSH (`tovholder serve`) on the facilitator's terminals screen
/// and the projector, in Danish and English.
public enum ServeKey: CaseIterable, Sendable {
    case joinTitle, joinHeading, fingerprint, fingerprintLabel, notServingHint, onlyRemote, disconnectAgain, disconnecting
    case cannotDisconnect, notServing, codesRenewed, joinProjected, joinNotProjected, joinKeys, noCode, failuresHeading, alsoFacilitator
}

extension Strings {
    public subscript(_ key: ServeKey) -> String { Strings.table(key).text(language) }

    public func format(_ key: ServeKey, _ args: CustomStringConvertible...) -> String {
        Strings.fill(self[key], args)
    }

    static func table(_ key: ServeKey) -> Localized {
        func l(_ da: String, _ en: String) -> Localized { Localized(da: da, en: en) }
        switch key {
        case .joinTitle: return l("Sådan kommer I med", "How to join")
        case .joinHeading: return l("Tilslutning over SSH · port %1", "Joining over SSH · port %1")
        case .fingerprint: return l("Fingeraftryk: %1", "Fingerprint: %1")
        case .fingerprintLabel: return l("Serverens fingeraftryk:", "The server's fingerprint:")
        case .notServingHint:
            return l("Grupperne kan tilslutte fra egne bærbare: start tovholder serve %1 i et andet vindue.",
                     "Groups can join from their own laptops: start tovholder serve %1 in another window.")
        case .onlyRemote: return l("Kun en deltager over SSH kan afbrydes herfra.", "Only a participant over SSH can be disconnected here.")
        case .disconnectAgain: return l("Tryk x igen for at afbryde %1.", "Press x again to disconnect %1.")
        case .disconnecting: return l("Afbryder %1 – det, de skrev, er gemt.", "Disconnecting %1 – what they typed is saved.")
        case .cannotDisconnect:
            return l("Kan ikke afbryde den terminal: den kører som en anden bruger.",
                     "Cannot disconnect that terminal: it runs as another user.")
        case .notServing: return l("SSH-serveren kører ikke: start tovholder serve.", "The SSH server is not running: start tovholder serve.")
        case .codesRenewed: return l("Nye koder – de gamle virker ikke mere. Tilsluttede bliver.",
                                     "New codes – the old ones no longer work. Joined terminals stay.")
        case .joinProjected: return l("Projektoren viser, hvordan grupperne kommer med (p: tilbage).",
                                      "The projector shows how the groups join (p: back).")
        case .joinNotProjected: return l("Projektoren følger dagen igen.", "The projector follows the day again.")
        case .joinKeys: return l("n: nye koder · p: vis på projektoren · x: afbryd valgt",
                                 "n: new codes · p: show on the projector · x: disconnect chosen")
        case .alsoFacilitator: return l("Dagen er også åben som facilitator af %1 på %2 siden %3. I kan begge fortsætte.",
                                        "The day is also open as facilitator by %1 on %2 since %3. You can both go on.")
        case .failuresHeading: return l("Bærbare, der ikke kom ind:", "Laptops that did not get in:")
        case .noCode: return l("(ingen kode endnu – n: nye koder)", "(no code yet – n: new codes)")
        }
    }
}
