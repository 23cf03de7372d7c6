"""The console entry point around the command line: clean answers to signals and to bugs.

SIGINT and SIGTERM stop the run with one line on stderr and exit 128+signal; reports and ledger
edits are written atomically, so an interrupted run leaves every file as it was. An unexpected
exception is one line and exit 2 (the traceback with CLAIMCHECK_DEBUG=1).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable

from claimcheck.enums import ExitCode


class Interrupted(BaseException):  # not KeyboardInterrupt: typer would turn that into a silent exit
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


def run_guarded(app: Callable[[], object]) -> None:
    previous: dict[signal.Signals, object] = {}
    for caught in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave signals alone
            if signal.getsignal(caught) is not signal.SIG_IGN:  # keep "ignore" (nohup, background jobs)
                previous[caught] = signal.signal(caught, _on_signal)
    try:
        app()
    except Interrupted as stop:
        for caught in previous:
            signal.signal(caught, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the message
        print("claimcheck: interrupted; nothing was written", file=sys.stderr)
        sys.exit(128 + stop.signum)
    except KeyboardInterrupt:
        print("claimcheck: interrupted; nothing was written", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG") == "1":
            raise
        message = " ".join(str(exc).split())
        print(f"claimcheck: internal error: {type(exc).__name__}: {message} "
              "(please report; run with CLAIMCHECK_DEBUG=1 for the traceback)", file=sys.stderr)
        sys.exit(ExitCode.ERROR)
    finally:
        for caught, handler in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(caught, handler)  # type: ignore[arg-type]
