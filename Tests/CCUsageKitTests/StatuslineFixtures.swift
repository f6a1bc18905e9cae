import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// Copies of `shared/fixtures/statusline/*.json` (real Claude Code hook payloads), so the tests do not
/// depend on a checkout layout; `embeddedFixturesMatchTheSharedFiles` keeps them in step.
let statuslineFixtures: [String: String] = [
    "statusline-rate-limits.json": #"""
    {
      "session_id": "test-session-opus4",
      "transcript_path": "test/test-transcript.jsonl",
      "cwd": "/Users/test/project",
      "model": {
        "id": "claude-opus-4-1-20250805",
        "display_name": "Opus 4.1"
      },
      "workspace": {
        "current_dir": "/Users/test/project",
        "project_dir": "/Users/test/project"
      },
      "version": "2.1.230",
      "output_style": {
        "name": "default"
      },
      "cost": {
        "total_cost_usd": 0.0892,
        "total_duration_ms": 180000,
        "total_api_duration_ms": 12000,
        "total_lines_added": 0,
        "total_lines_removed": 0
      },
      "context_window": {
        "total_input_tokens": 85000,
        "total_output_tokens": 5000,
        "context_window_size": 200000
      },
      "exceeds_200k_tokens": false,
      "rate_limits": {
        "five_hour": {
          "used_percentage": 23.5,
          "resets_at": 1795795200
        },
        "seven_day": {
          "used_percentage": 41.2,
          "resets_at": 1796227200
        }
      }
    }
    """#,
    "statusline-test-opus4.json": #"""
    {
    	"session_id": "test-session-opus4",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-opus-4-1-20250805",
    		"display_name": "Opus 4.1"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0892,
    		"total_duration_ms": 180000,
    		"total_api_duration_ms": 12000,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 85000,
    		"total_output_tokens": 5000,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test-sonnet4.json": #"""
    {
    	"session_id": "test-session-sonnet4",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-sonnet-4-20250514",
    		"display_name": "Sonnet 4"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0245,
    		"total_duration_ms": 120000,
    		"total_api_duration_ms": 8500,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 35000,
    		"total_output_tokens": 2500,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test-sonnet41.json": #"""
    {
    	"session_id": "test-session-sonnet41",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-sonnet-4-1-20250805",
    		"display_name": "Sonnet 4.1"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0356,
    		"total_duration_ms": 150000,
    		"total_api_duration_ms": 9500,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 52000,
    		"total_output_tokens": 3800,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test.json": #"""
    {
    	"session_id": "73cc9f9a-2775-4418-beec-bc36b62a1c6f",
    	"transcript_path": "/Users/ryoppippi/.config/claude/projects/-Users-ryoppippi-ghq-github-com-ccusage-ccusage/73cc9f9a-2775-4418-beec-bc36b62a1c6f.jsonl",
    	"cwd": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage",
    	"model": {
    		"id": "claude-sonnet-4-20250514",
    		"display_name": "Sonnet 4"
    	},
    	"workspace": {
    		"current_dir": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage",
    		"project_dir": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.056266149999999994,
    		"total_duration_ms": 164055,
    		"total_api_duration_ms": 13577,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 42500,
    		"total_output_tokens": 3200,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
]

/// `shared/fixtures/statusline`, next to the repository (present in the development checkout).
let sharedStatuslineFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/statusline").path

func fixtureHook(_ name: String) throws -> StatuslineHook {
    try StatuslineHook.parse(Array(try #require(statuslineFixtures[name]).utf8))
}
