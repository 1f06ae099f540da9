"""Everything that does not need Qt: loading, extraction, analysis, state. Never imports PySide6."""
