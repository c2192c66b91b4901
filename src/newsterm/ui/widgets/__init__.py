"""The app's panes, one widget a module."""
