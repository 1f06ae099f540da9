"""Speech back-ends for read-aloud: the platform's speech service, run as a system program.

Sift bundles no speech code (speech-dispatcher and espeak-ng are GPL/LGPL; calling their programs
is fine for an MIT project). In order of preference:

- Linux: ``spd-say`` (speech-dispatcher's client: the desktop's voice and settings), else
  ``espeak-ng`` (or the older ``espeak``);
- macOS: ``say`` (the system voices);
- Windows: PowerShell with System.Speech (the system voices).

Each sentence is one QProcess, so the GUI thread never waits: the engine reports ``finished`` when
the program exits. Pausing stops the current sentence; resuming says it again from its start.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

log = logging.getLogger(__name__)

# Speech rates are given as a factor of each engine's normal speed; the controls offer these.
SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
# espeak-ng's and macOS say's normal rate in words per minute (espeak-ng's documented default).
NORMAL_WPM = 175
# Voices are listed by a short-lived program; more than this and something is wrong with it.
VOICE_LIST_TIMEOUT_MS = 5000
# At shutdown a killed child is waited for this long (it exits at once on SIGKILL).
CLOSE_WAIT_MS = 300
WINDOWS_SPEAK = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "if ($args[1]) { $s.SelectVoice($args[1]) }; $s.Rate = [int]$args[0]; "
    "$s.Speak([Console]::In.ReadToEnd())"
)
WINDOWS_VOICES = (
    "Add-Type -AssemblyName System.Speech; "
    "(New-Object System.Speech.Synthesis.SpeechSynthesizer).GetInstalledVoices() | "
    "ForEach-Object { $_.VoiceInfo.Name }"
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


class SpeechEngine(QObject):
    """Speaks one sentence at a time and says when it is done."""

    finished = Signal()  # the sentence was spoken to the end
    failed = Signal(str)  # the engine could not speak (a sentence for the reader)
    voices_listed = Signal(list)  # voice names, after list_voices()

    name = "speech"

    def speak(self, text: str, speed: float, voice: str | None) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def list_voices(self) -> None:
        """Start listing the voices; ``voices_listed`` reports them (an empty list when unknown)."""
        self.voices_listed.emit([])

    def close(self) -> None:
        """Stop and release everything (the window is closing)."""
        self.stop()


class ProcessEngine(SpeechEngine):
    """A speech program: arguments built per sentence, the text on its standard input."""

    text_as_argument = False  # else the sentence goes to the program's standard input

    def __init__(self, program: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program = program
        self.process: QProcess | None = None
        self._lister: QProcess | None = None
        self._spent: list[QProcess] = []

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        raise NotImplementedError

    def speak(self, text: str, speed: float, voice: str | None) -> None:
        self.stop()
        self._release_spent()
        text = " ".join(text.split())  # one line: line breaks would end a message early
        process = QProcess(self)
        process.setProgram(self.program)
        arguments = self.arguments(speed, voice)
        process.setArguments([*arguments, "--", text] if self.text_as_argument else arguments)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self.process = process
        process.start()
        if not self.text_as_argument:
            process.write(text.encode("utf-8"))
        process.closeWriteChannel()

    def _release_spent(self) -> None:
        """Free the programs that have exited. Not from their own signals: deleting a QProcess
        while it emits crashes PySide, so they wait here until the next sentence or close()."""
        spent, self._spent = self._spent, []
        for process in spent:
            process.setParent(None)  # Python owns it now and frees it with the last reference

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if not isinstance(process, QProcess):
            return
        self._spent.append(process)
        if process is not self.process:
            return  # a sentence that was stopped
        self.process = None
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.finished.emit()
        else:
            log.warning("%s exited with code %s", self.program, code)
            self.failed.emit(tr("The speech program {0} stopped with an error ({1}).")
                             .format(self.program, code))

    def _on_error(self, error: QProcess.ProcessError) -> None:
        process = self.sender()
        if process is self.process and error == QProcess.ProcessError.FailedToStart:
            self.process = None
            log.warning("%s could not be started", self.program)
            self.failed.emit(tr("The speech program {} could not be started.").format(self.program))

    def stop(self) -> None:
        """Silence the sentence; the killed program is freed once it has exited (no waiting here)."""
        process, self.process = self.process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()

    def close(self) -> None:
        """At shutdown: kill and reap every child, so none outlives the window."""
        running = [p for p in (self.process, self._lister) if p is not None]
        self.stop()
        for process in running:
            process.kill()
            process.waitForFinished(CLOSE_WAIT_MS)

    def voice_listing(self) -> tuple[list[str], Callable[[str], list[str]]] | None:
        """(arguments, parser of the output) that list the voices; None when the engine cannot."""
        return None

    def list_voices(self) -> None:
        listing = self.voice_listing()
        if listing is None or self._lister is not None:
            if listing is None:
                self.voices_listed.emit([])
            return
        arguments, parse = listing
        lister = QProcess(self)
        lister.setProgram(self.program)
        lister.setArguments(arguments)

        def done(_code: int = 0, _status: object = None) -> None:
            if self._lister is not lister:
                return
            text = bytes(lister.readAllStandardOutput().data()).decode("utf-8", "replace")
            self._lister = None
            self._spent.append(lister)
            self.voices_listed.emit(parse(text))

        lister.finished.connect(done)
        lister.errorOccurred.connect(
            lambda _e: done() if lister.state() == QProcess.ProcessState.NotRunning else None)
        self._lister = lister
        lister.start()


class EspeakEngine(ProcessEngine):
    name = "espeak-ng"

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        args = ["-s", str(round(NORMAL_WPM * speed))]
        if voice:
            args += ["-v", voice]
        return [*args, "--stdin"]

    def voice_listing(self) -> tuple[list[str], Callable[[str], list[str]]]:
        return ["--voices"], parse_espeak_voices


class SpeechDispatcherEngine(ProcessEngine):
    name = "speech-dispatcher"
    text_as_argument = True  # spd-say speaks its arguments; --wait returns once they are said

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        rate = max(-100, min(100, round((speed - 1.0) * 100)))
        args = ["--wait", "--rate", str(rate)]
        return [*args, "--synthesis-voice", voice] if voice else args

    def stop(self) -> None:
        """Killing spd-say does not silence the speech server: cancel its messages too."""
        speaking = self.process is not None
        super().stop()
        if speaking:
            QProcess.startDetached(self.program, ["--cancel"])

    def voice_listing(self) -> tuple[list[str], Callable[[str], list[str]]]:
        return ["--list-synthesis-voices"], parse_first_column


class MacSayEngine(ProcessEngine):
    name = "say"

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        args = ["-r", str(round(NORMAL_WPM * speed))]
        return [*args, "-v", voice] if voice else args

    def voice_listing(self) -> tuple[list[str], Callable[[str], list[str]]]:
        return ["-v", "?"], parse_first_column


class WindowsSpeechEngine(ProcessEngine):
    name = "Windows speech"

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        rate = max(-10, min(10, round((speed - 1.0) * 10)))
        quoted_voice = "'" + (voice or "").replace("'", "''") + "'"
        script = f"& {{ {WINDOWS_SPEAK} }} {rate} {quoted_voice}"
        return ["-NoProfile", "-NonInteractive", "-Command", script]

    def voice_listing(self) -> tuple[list[str], Callable[[str], list[str]]]:
        return (["-NoProfile", "-NonInteractive", "-Command", WINDOWS_VOICES],
                lambda text: [line.strip() for line in text.splitlines() if line.strip()])


def parse_espeak_voices(text: str) -> list[str]:
    """Voice names from ``espeak-ng --voices`` (the language column: en-gb, en-us, de...)."""
    names = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 2:
            names.append(fields[1])
    return names


def parse_first_column(text: str) -> list[str]:
    """The first column of a listing, skipping a header line in capitals (spd-say's NAME ...)."""
    names = []
    for line in text.splitlines():
        fields = line.split()
        if fields and not fields[0].isupper():
            names.append(fields[0])
    return names


# (platform prefix, program, engine class), in order of preference.
CANDIDATES: tuple[tuple[str, str, type[ProcessEngine]], ...] = (
    ("linux", "spd-say", SpeechDispatcherEngine),
    ("linux", "espeak-ng", EspeakEngine),
    ("linux", "espeak", EspeakEngine),
    ("freebsd", "espeak-ng", EspeakEngine),
    ("darwin", "say", MacSayEngine),
    ("win32", "powershell", WindowsSpeechEngine),
)


def find_engine(platform: str = sys.platform,
                which: Callable[[str], str | None] = shutil.which,
                parent: QObject | None = None,
                prefer: Sequence[str] = ()) -> SpeechEngine | None:
    """The best speech engine on this computer, or None. ``prefer`` lists programs to try first."""
    candidates = [c for c in CANDIDATES if platform.startswith(c[0])]
    candidates.sort(key=lambda c: (c[1] not in prefer, prefer.index(c[1]) if c[1] in prefer else 0))
    for _, program, engine in candidates:
        path = which(program)
        if path:
            return engine(path, parent)
    return None


def unavailable_reason(platform: str = sys.platform) -> str:
    """Why read-aloud is off, and what would turn it on (for the action's tooltip)."""
    if platform.startswith("linux") or platform.startswith("freebsd"):
        return tr("Read aloud needs a speech program: install speech-dispatcher or espeak-ng.")
    if platform == "darwin":
        return tr("Read aloud needs the system's “say” program, which was not found.")
    if platform == "win32":
        return tr("Read aloud needs Windows PowerShell and its speech voices, which were not found.")
    return tr("Read aloud is not available on this system.")
