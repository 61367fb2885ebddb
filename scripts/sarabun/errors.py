"""The one exception type the CLI turns into a plain Thai message (no traceback)."""


class SarabunError(Exception):
    """A user-facing failure; ``str(exc)`` is the Thai message shown to staff."""
