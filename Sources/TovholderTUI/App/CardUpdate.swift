import TovholderCore

/// Dialogue cards. The facilitator's `d` opens the deck: `p` shows the chosen card on the
/// projector, `d` deals one card to each group. A group sees its card on its terminals (taken
/// there once when dealt), draws one with F3 while it has none, and writes its answers.
enum CardUpdate {
    /// Every card of every deck of the day, in order, with its deck.
    static func cards(_ state: AppState) -> [(deck: Deck, card: DialogueCard)] {
        state.session.programme.decks.flatMap { deck in deck.cards.map { (deck, $0) } }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let s = state.strings
        switch command {
        case .cards:
            guard !state.session.programme.decks.isEmpty else { state.notice = s[MethodKey.noDeck]; return [] }
            state.screen = .cards(CardsView(returnTo: state.screen))
            return []
        case .openCard:
            guard let group = groupOfScreen(state) else { return [] }
            let effects = FieldTyping.finish(&state)
            state.screen = .card(CardView(groupID: group, returnTo: state.screen))
            return effects
        default: break
        }
        switch state.screen {
        case .cards(var v):
            let all = cards(state)
            guard all.indices.contains(v.selected) else { return [] }
            let chosen = all[v.selected]
            switch command {
            case .up, .down:
                v.selected = min(max(0, all.count - 1), max(0, v.selected + (command == .up ? -1 : 1)))
                state.screen = .cards(v)
                return []
            case .projectCard:
                let shows = Projection.Shows.card(deckID: chosen.deck.id, cardID: chosen.card.id)
                let showing = state.session.projection.shows == shows
                state.session.projection.shows = showing ? (ProjectorFollow.shows(for: v.returnTo) ?? .item) : shows
                state.session.projection.blank = false
                state.notice = s[showing ? MethodKey.cardNotProjected : MethodKey.cardProjected]
                return [.save([.projection])]
            case .deal:
                state.notice = s[MethodKey.dealt]
                return [.workshop(.dealCards(deckID: chosen.deck.id))]
            default: return []
            }
        case .card(let v):
            // F3 draws while the group has no card.
            guard command == .newEntry, state.workshop.card(of: v.groupID) == nil,
                  let deck = state.session.programme.decks.first else { return [] }
            state.notice = s[MethodKey.cardDrawn]
            return [.workshop(.drawCard(groupID: v.groupID, deckID: deck.id))]
        default:
            return []
        }
    }

    /// The group whose card Ctrl-D opens: a participant's own, or the sheet the facilitator looks at.
    static func groupOfScreen(_ state: AppState) -> Int64? {
        if case .participant(let group) = state.seat { return group }
        switch state.screen {
        case .worksheet(let v): return v.groupID
        case .agreement(let v): return v.groupID
        default: return nil
        }
    }

    /// The field of the focused question, when the group holds a card.
    static func focusedField(_ v: CardView, _ state: AppState) -> (FieldRef, String)? {
        guard let deal = state.workshop.card(of: v.groupID), let card = card(of: deal, state),
              card.questions.indices.contains(v.focus) else { return nil }
        return (.cardAnswer(dealID: deal.id, question: v.focus), deal.answer(v.focus))
    }

    static func card(of deal: CardDeal, _ state: AppState) -> DialogueCard? {
        state.session.programme.deck(deal.deckID)?.card(deal.cardID)
    }

    /// A participant is taken to a newly dealt card once: at once, or when it leaves the field
    /// it is typing in. The first look (joining) only notes what the group holds: a card
    /// dealt before stays where it is. A vote open meanwhile goes first.
    static func follow(_ state: inout AppState) {
        guard case .participant(let group) = state.seat else { return }
        let latest = state.workshop.card(of: group)?.id ?? 0
        guard let seen = state.seenDeal else { state.seenDeal = latest; return }
        guard latest != seen else { return }
        switch state.screen {
        case .help, .chooseGroup, .vote: return
        case .card: state.seenDeal = latest; return
        default: break
        }
        guard state.editing == nil else {
            if state.notice == nil { state.show(state.strings[MethodKey.cardDealtNotice], forSeconds: 30) }
            return
        }
        state.seenDeal = latest
        state.screen = .card(CardView(groupID: group, returnTo: state.screen))
    }
}
