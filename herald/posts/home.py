def panels(request) -> list[dict]:
    """Panels for the home page: [{"title", "items": [{"text", "url", "hint"}], "empty_text"}]."""
    return []
