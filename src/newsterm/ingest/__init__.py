"""Getting articles into the cache: files, feeds, and the one service both CLI and UI call."""
