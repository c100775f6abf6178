def seed(rng) -> str:
    return "nothing yet"
