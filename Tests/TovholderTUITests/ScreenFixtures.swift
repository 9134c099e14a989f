import Foundation
import SnapshotTesting
import TovholderCore
@testable import TovholderTUI

/// The bundled reference day and states of it at known times, for screen tests.
enum ScreenFixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("package root not found")
    }()

    static let referenceDay: DayTemplate = {
        switch TemplateLoader.load(path: root + "/sessions/udviklingsdag.yaml") {
        case .success(let day): return day.dated(day.date)  // as a session made from it holds it
        case .failure(let e): fatalError("reference day does not load: \(e)")
        }
    }()

    /// 2023-12-05 at hh:mm:ss, UTC (the tests' local time).
    static func at(_ h: Int, _ m: Int, _ s: Double = 0) -> Double {
        1_701_734_400 + Double(h * 3600 + m * 60) + s
    }

    static func index(of kind: ItemKind, _ nth: Int = 0) -> Int {
        referenceDay.agenda.indices.filter { referenceDay.agenda[$0].kind == kind }[nth]
    }

    static func state(_ lang: Language = .da, size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(session: SessionState(programme: referenceDay), language: lang,
                 fileName: "udviklingsdag.tovholder", now: at(8, 55), utcOffsetSeconds: 0, size: size)
    }

    /// The state after the facilitator moved to item `index` at its planned start plus `late` minutes.
    static func at(item index: Int, late: Int = 0, _ lang: Language = .da, size: Size) -> AppState {
        var s = state(lang, size: size)
        let item = referenceDay.agenda[index]
        let begun = at(0, item.start.minutes + late)
        _ = s.session.go(to: index, at: begun)
        s.now = begun
        return s
    }
}

extension Snapshotting where Value == Canvas, Format == String {
    /// The screen as text, then the colour role of every cell as one letter, so a failing
    /// test reads like a screen and colour changes are caught too.
    static var screen: Snapshotting {
        SimplySnapshotting.lines.pullback { canvas in
            canvas.text + "--- roles ---\n" + canvas.roleMap
        }
    }
}
