"""Tasks only the crash tests enqueue: they run in a real worker process."""

import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_file(path: str) -> str:
    """Stand in for long work: keep running until `path` exists (a minute at most)."""
    for _ in range(600):
        if Path(path).exists():
            return "done"
        time.sleep(0.1)
    raise TimeoutError(path)
