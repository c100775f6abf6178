def cases(cast, make):
    return {}
