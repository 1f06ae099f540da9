"""The side panel beside each article: entities and claims, linked both ways with the text."""

from reader.ui.side_panel.panel import SidePanel

__all__ = ["SidePanel"]
