import XCTest
final class PlaceholderTUITests: XCTestCase { func testNothing() {} }
