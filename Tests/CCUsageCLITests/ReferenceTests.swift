import Foundation
import Testing

/// The numbers of every report, mode and time zone against an independent Python implementation of the
/// spec (Tests/reference/reference.py) on generated trees and hand-made edge cases.
@Suite(.serialized) struct ReferenceTests {
    @Test func reportsMatchTheIndependentReference() throws {
        try expectReferenceAgrees("compare.py")
    }
}
