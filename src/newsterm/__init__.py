"""newsterm: a terminal news reader with quotations, speakers and author contacts."""

__version__ = "0.1.0"
