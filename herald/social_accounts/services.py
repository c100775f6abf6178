def handle_leaver(person, *, by) -> None:
    """Called by the directory import when a person leaves (settings.HERALD_LEAVER_HOOKS)."""
