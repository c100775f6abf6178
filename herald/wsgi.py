import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
application = get_wsgi_application()

# Load the check engine's model and word lists as each web process starts, so the first person to
# type in the post editor gets their findings as fast as everyone after them.
from herald.checks import warm_up  # noqa: E402

warm_up()
