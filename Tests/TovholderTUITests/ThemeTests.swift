import Foundation
import TovholderCore
@testable import TovholderTUI
import XCTest

/// The repository's themes/ folder, found from this file so tests run from any directory.
func repoThemesFolder(file: StaticString = #filePath) -> String {
    var url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.appendingPathComponent("themes").path
        }
        url.deleteLastPathComponent()
    }
    fatalError("no Package.swift above \(file)")
}

final class ThemeTests: XCTestCase {
    let bundled = ["projector", "dark", "light"]

    func bundledTheme(_ name: String) throws -> Theme {
        switch Theme.load(path: repoThemesFolder() + "/\(name).yaml") {
        case .success(let theme): return theme
        case .failure(let errors): XCTFail(errors.text(.en)); throw errors
        }
    }

    func testBundledThemesLoadWithEveryRole() throws {
        for name in bundled {
            let theme = try bundledTheme(name)
            XCTAssertEqual(theme.name, name)
            XCTAssertTrue(theme.usesColour)
            XCTAssertEqual(Set(theme.styles.keys), Set(Role.allCases), name)
        }
    }

    func testBuiltInProjectorEqualsTheFile() throws {
        let file = try bundledTheme("projector")
        for role in Role.allCases {
            XCTAssertEqual(file.styles[role], Theme.builtInProjector.styles[role], "role \(role)")
        }
        XCTAssertEqual(file, Theme.builtInProjector)
    }

    func testProjectorIsAAA() throws {
        try assertContrast(of: bundledTheme("projector"), atLeast: 7)
    }

    func testDarkAndLightAreAA() throws {
        try assertContrast(of: bundledTheme("dark"), atLeast: 4.5)
        try assertContrast(of: bundledTheme("light"), atLeast: 4.5)
    }

    func assertContrast(of theme: Theme, atLeast minimum: Double, line: UInt = #line) {
        for (role, style) in theme.styles {
            let ratio = RGB.contrastRatio(style.fg, style.bg)
            XCTAssertGreaterThanOrEqual(ratio, minimum,
                "\(theme.name).\(role): \(style.fg) on \(style.bg) is \(ratio):1", line: line)
        }
    }

    /// The terminal must show exactly the colours the contrast test measured.
    func testBundledColoursAreExactPaletteColours() throws {
        for name in bundled {
            for (role, style) in try bundledTheme(name).styles {
                for c in [style.fg, style.bg] {
                    XCTAssertEqual(RGB.xterm256(c.xterm256Index), c, "\(name).\(role): \(c)")
                }
            }
        }
    }

    /// On an 8-colour terminal text must not vanish into its own background.
    func testBundledColoursStayVisibleWithEightColours() throws {
        for name in bundled {
            for (role, style) in try bundledTheme(name).styles {
                XCTAssertNotEqual(style.fg.ansi8Index, style.bg.ansi8Index, "\(name).\(role)")
            }
        }
    }

    func testKnownWCAGValues() {
        XCTAssertEqual(RGB.contrastRatio(.white, .black), 21, accuracy: 1e-9)
        XCTAssertEqual(RGB.contrastRatio(.black, .white), 21, accuracy: 1e-9)
        XCTAssertEqual(RGB.contrastRatio(RGB(0x777777), .white), 4.48, accuracy: 0.005)
        XCTAssertEqual(RGB.contrastRatio(RGB(0x767676), .white), 4.54, accuracy: 0.005)
        XCTAssertEqual(RGB.contrastRatio(RGB(0xff0000), .white), 4.00, accuracy: 0.005)
        XCTAssertEqual(RGB.contrastRatio(RGB(0x0000ff), .white), 8.59, accuracy: 0.005)
        XCTAssertEqual(RGB.contrastRatio(RGB(0x123456), RGB(0x123456)), 1, accuracy: 1e-9)
        XCTAssertEqual(RGB.white.relativeLuminance, 1, accuracy: 1e-9)
        XCTAssertEqual(RGB.black.relativeLuminance, 0, accuracy: 1e-9)
        XCTAssertEqual(RGB(0x808080).relativeLuminance, 0.2159, accuracy: 0.0001)
    }

    func testXterm256IndexIsExactForPaletteColours() {
        for index in 16...255 {
            XCTAssertEqual(RGB.xterm256(index).xterm256Index, index, "index \(index)")
        }
        XCTAssertEqual(RGB(0xffff00).xterm256Index, 226)
        XCTAssertEqual(RGB(0x000000).xterm256Index, 16)
        XCTAssertEqual(RGB(0xffffff).xterm256Index, 231)
        XCTAssertEqual(RGB(0x808080).xterm256Index, 244)
        // Near misses go to the nearest entry.
        XCTAssertEqual(RGB(0xfe0101).xterm256Index, 196)
        XCTAssertEqual(RGB(0x767676).xterm256Index, 243)
    }

    func testAnsi8Index() {
        let expected: [(UInt32, Int)] = [(0x000000, 0), (0xff0000, 1), (0x00ff00, 2), (0xffff00, 3),
                                         (0x0000ff, 4), (0xff00ff, 5), (0x00ffff, 6), (0xffffff, 7),
                                         (0x870000, 1), (0x303030, 0), (0xd0d0d0, 7)]
        for (hex, index) in expected { XCTAssertEqual(RGB(hex).ansi8Index, index, RGB(hex).hex) }
    }

    func testHexParsing() {
        XCTAssertEqual(RGB(hex: "#FFaa00"), RGB(r: 255, g: 170, b: 0))
        XCTAssertEqual(RGB(0xffaa00).hex, "#ffaa00")
        for bad in ["ffaa00", "#fa0", "#ffaa0g", "#ffaa000", "", "#"] { XCTAssertNil(RGB(hex: bad), bad) }
    }

    func testMonochromeTellsRolesApart() {
        let m = Theme.monochrome
        XCTAssertFalse(m.usesColour)
        XCTAssertEqual(Set(m.styles.keys), Set(Role.allCases))
        func a(_ role: Role) -> TextAttributes { m[role].attributes }
        XCTAssertTrue(a(.titleBar).contains(.reverse))
        XCTAssertTrue(a(.keyBar).contains(.reverse))
        XCTAssertTrue(a(.heading).contains(.bold))
        XCTAssertEqual(a(.now), [.reverse, .bold])
        XCTAssertFalse(a(.next).intersection([.bold, .underline]).isEmpty)
        XCTAssertTrue(a(.held).contains(.dim))
        XCTAssertTrue(a(.timerWarning).contains(.bold))
        XCTAssertTrue(a(.timerCritical).contains(.reverse))
        XCTAssertEqual(a(.timerOverrun), [.reverse, .bold])
        XCTAssertEqual(a(.error), [.bold, .underline])
        XCTAssertTrue(a(.selection).contains(.reverse))
        XCTAssertTrue(a(.control).contains(.reverse))
        XCTAssertEqual(a(.text), [])
        // Rows of the agenda, the timer's states, and a key inside the key bar must differ.
        for group: [Role] in [[.text, .now, .next, .held], [.timer, .timerWarning, .timerCritical, .timerOverrun],
                              [.keyBar, .keyName], [.text, .selection], [.text, .error], [.text, .control]] {
            XCTAssertEqual(Set(group.map(a)).count, group.count, "\(group)")
        }
    }

    // MARK: Catalog

    func testCatalogFindsTheFolder() {
        let themes = repoThemesFolder()
        let repo = (themes as NSString).deletingLastPathComponent
        XCTAssertEqual(ThemeCatalog.directory(environment: ["TOVHOLDER_THEMES": themes], executable: nil,
                                              currentDirectory: "/"), themes)
        XCTAssertEqual(ThemeCatalog.directory(environment: [:], executable: nil,
                                              currentDirectory: repo + "/Sources/TovholderTUI"), themes)
        XCTAssertEqual(ThemeCatalog.directory(environment: [:], executable: repo + "/.build/debug/tovholder",
                                              currentDirectory: "/"), themes)
        XCTAssertNil(ThemeCatalog.directory(environment: [:], executable: nil, currentDirectory: "/"))
        XCTAssertEqual(ThemeCatalog.list(in: themes), ["dark", "light", "monochrome", "projector"])
        XCTAssertEqual(ThemeCatalog.list(in: nil), ["monochrome", "projector"])
        XCTAssertEqual(ThemeCatalog.resolve("dark", in: themes), themes + "/dark.yaml")
        XCTAssertNil(ThemeCatalog.resolve("neon", in: themes))
        XCTAssertNil(ThemeCatalog.resolve("dark", in: nil))
        XCTAssertEqual(ThemeCatalog.resolve(themes + "/light.yaml", in: nil), themes + "/light.yaml")
        XCTAssertNil(ThemeCatalog.resolve("/nowhere/x.yaml", in: themes))
    }

    func testCatalogLoad() throws {
        let env = ["TOVHOLDER_THEMES": repoThemesFolder()]
        let noColour = env.merging(["NO_COLOR": "1"]) { $1 }
        XCTAssertEqual(try ThemeCatalog.load("dark", environment: env).get().name, "dark")
        XCTAssertEqual(try ThemeCatalog.load(nil, environment: env).get(), .builtInProjector)
        XCTAssertEqual(try ThemeCatalog.load(nil, environment: noColour).get(), .monochrome)
        // An explicit --theme overrides NO_COLOR; NO_COLOR set but empty does not count.
        XCTAssertEqual(try ThemeCatalog.load("dark", environment: noColour).get().name, "dark")
        XCTAssertEqual(try ThemeCatalog.load(nil, environment: env.merging(["NO_COLOR": ""]) { $1 }).get().name,
                       "projector")
        XCTAssertEqual(try ThemeCatalog.load("monochrome", environment: env).get(), .monochrome)
        // A binary copied alone to a laptop still has the projector theme.
        XCTAssertEqual(try ThemeCatalog.load("projector", in: nil).get(), .builtInProjector)
        XCTAssertThrowsError(try ThemeCatalog.load("dark", in: nil).get())
        guard case .failure(let errors) = ThemeCatalog.load("neon", environment: env) else {
            return XCTFail("neon should not exist")
        }
        XCTAssertEqual(errors.text(.en), "neon: no theme by that name; available: dark, light, monochrome, projector")
        XCTAssertEqual(errors.text(.da), "neon: intet tema med det navn; findes: dark, light, monochrome, projector")
    }
}
