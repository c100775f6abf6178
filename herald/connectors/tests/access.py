from herald.connectors.nav import STATUS_ROLES
from testing.access_cases import PUBLIC, Case


def cases(cast, make):
    # With no secrets set up (the test settings), a webhook says it is not set up, to anyone.
    return {
        "connectors:status": Case(STATUS_ROLES),
        "connectors:webhook": Case(PUBLIC, kwargs={"platform": "facebook"}, ok_status=404),
    }
