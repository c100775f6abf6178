"""Keep `manage.py serve`'s background processes running: a task worker or the scheduler that dies is
started again, and the supervisor says so."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable


class Supervisor:
    def __init__(
        self,
        commands: dict[str, list[str]],
        *,
        say: Callable[[str], None],
        env: dict | None = None,
        restart_delay: float = 1.0,
    ):
        self.commands = commands
        self.say = say
        self.env = env
        self.restart_delay = restart_delay
        self.procs: dict[str, subprocess.Popen] = {}
        self.started_at: dict[str, float] = {}

    def start(self) -> None:
        for name in self.commands:
            self._start(name)

    def _start(self, name: str) -> None:
        self.procs[name] = subprocess.Popen(self.commands[name], env=self.env)
        self.started_at[name] = time.monotonic()

    def check(self) -> list[str]:
        """Restart every child that has exited; return their names."""
        restarted = []
        for name, proc in list(self.procs.items()):
            code = proc.poll()
            if code is None:
                continue
            # A child that dies at once (a broken setting, the database down) is not restarted in a tight loop.
            if time.monotonic() - self.started_at[name] < self.restart_delay:
                continue
            how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"
            self.say(f"The {name} {how}; starting it again.")
            self._start(name)
            restarted.append(name)
        return restarted

    def run_while(
        self, alive: Callable[[], bool], *, every: float = 1.0, tick: Callable[[], None] | None = None
    ) -> None:
        while alive():
            self.check()
            if tick:
                tick()
            time.sleep(every)

    def stop(self, timeout: float = 10) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
