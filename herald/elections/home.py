def panels(request) -> list[dict]:
    """Panels for the home page: [{"title", "items": [{"text", "url", "hint"}], "empty_text"}]."""
    return []


def banners(request) -> list[dict]:
    """Site-wide banners, e.g. the pre-election period: [{"title", "text", "url", "link_text", "kind"}]."""
    return []
