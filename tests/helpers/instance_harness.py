"""A stand-in first instance for tests: listens like Sift's window, prints each message it gets.

Prints "listening" once ready (or "busy" and exits 3 when another instance holds the socket),
then one JSON list of paths per message received; quits after ``--count`` messages or a time-out.
"""

from __future__ import annotations

import argparse
import json
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from reader.ui.single_instance import InstanceServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--timeout-ms", type=int, default=30_000)
    args = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    server = InstanceServer()
    if not server.listen():
        print("busy", flush=True)
        return 3
    received: list[list[str]] = []

    def report(files: list[str]) -> None:
        received.append(files)
        print(json.dumps(files), flush=True)
        if len(received) >= args.count:
            QTimer.singleShot(50, app.quit)  # let the "ok" reach the sender first

    server.files_received.connect(report)
    QTimer.singleShot(args.timeout_ms, app.quit)
    print("listening", flush=True)
    app.exec()
    server.close()
    return 0 if len(received) >= args.count else 1


if __name__ == "__main__":
    sys.exit(main())
