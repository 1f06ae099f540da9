"""One Sift window per user: a second ``sift FILE`` hands its files to the running one and exits.

The first instance listens on a local socket (a Unix socket in the user's runtime folder, a named
pipe on Windows) whose name comes from the app id and the user. A later instance connects, sends
its files as one line of JSON and waits for "ok": only then may it exit, so files are never lost
to an instance that is shutting down. A socket left behind by a crashed instance is removed.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader import APP_ID

log = logging.getLogger(__name__)

ACK = b"ok\n"
# A message lists paths: even thousands of them stay far below this; more is not a Sift talking.
MAX_MESSAGE_BYTES = 1 << 20
# Unix socket paths are limited to 108 bytes (sun_path); keep a margin for the terminator.
MAX_SOCKET_PATH = 100
# How long a probe of a possibly stale socket waits: a live instance answers in milliseconds.
PROBE_TIMEOUT_MS = 300


def server_name() -> str:
    """The socket's name for this user: in $XDG_RUNTIME_DIR when set (private to the user)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    name = f"{APP_ID}-{re.sub(r'[^A-Za-z0-9_.-]', '_', user)}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if os.name == "posix" and runtime and os.path.isdir(runtime):
        path = os.path.join(runtime, f"{APP_ID}.socket")
        if len(path.encode()) <= MAX_SOCKET_PATH:
            return path
    return name


def encode_paths(paths: list[str]) -> bytes:
    """The message for ``paths``, made absolute here: the running instance has another cwd."""
    absolute = [os.path.abspath(os.path.expanduser(p)) for p in paths]
    return json.dumps({"files": absolute}).encode("utf-8") + b"\n"


def decode_paths(message: bytes) -> list[str] | None:
    """The paths of one message, or None when it is not a message from Sift."""
    try:
        data = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        log.info("ignored a message that is not Sift's: %s", exc)
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return files


def send_to_running_instance(paths: list[str], timeout_ms: int = 500) -> bool:
    """Hand ``paths`` (may be empty: "come to the front") to a running Sift; True when it took them.

    Works before any QApplication exists, so a second instance exits without building a window.
    """
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(encode_paths(paths))
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    reply = b""
    while ACK not in reply and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in reply


class InstanceServer(QObject):
    """Listens for later instances; emits ``files_received`` with their absolute paths."""

    files_received = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False when another live instance already listens (or the OS refuses).

        The probe comes first: with access options set, Qt's listen() renames its new socket over
        an existing one, which would silently steal a live instance's socket.
        """
        name = server_name()
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(PROBE_TIMEOUT_MS):
            probe.abort()
            return False
        QLocalServer.removeServer(name)  # a socket left behind by an instance that crashed
        if self._server.listen(name):
            return True
        log.warning("not listening for other instances at %s: %s", name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def full_server_name(self) -> str:
        return self._server.fullServerName()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                log.info("dropped a connection sending over %d bytes without a message", MAX_MESSAGE_BYTES)
                socket.abort()
            else:
                self._buffers[socket] = buffer
            return
        paths = decode_paths(buffer.split(b"\n", 1)[0])
        self._buffers[socket] = b""
        if paths is None:
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        self.files_received.emit(paths)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
