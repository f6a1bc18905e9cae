import FixtureKit
