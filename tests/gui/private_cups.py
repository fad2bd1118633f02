"""A CUPS scheduler of the test's own, with a default printer, so a test can prove that no
print job reaches a queue (the workstation's CUPS is never touched: ``CUPS_SERVER`` points at
this one's socket, in the test's temporary folder).

``start_private_cups(folder)`` returns a :class:`PrivateCups` or raises :class:`NoCups`
with the reason it cannot run here (no cupsd, no lpadmin, the scheduler does not start).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

PRINTER = "composer-test-default"


class NoCups(Exception):
    """cupsd cannot run here (the reason is the message)."""


@dataclass
class PrivateCups:
    folder: Path
    socket: Path
    process: subprocess.Popen[bytes]

    @property
    def env(self) -> dict[str, str]:
        """What a child needs to use this scheduler (and only it)."""
        return {"CUPS_SERVER": str(self.socket)}

    def lp(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **self.env}
        return subprocess.run(list(args), env=env, capture_output=True, text=True,
                              timeout=30, check=False)

    def jobs(self) -> list[str]:
        """Every job the scheduler has seen: queued, printing, done or cancelled."""
        out = self.lp("lpstat", "-W", "all", "-o")
        if out.returncode != 0:
            raise AssertionError(f"lpstat failed: {out.stderr}")
        return [line for line in out.stdout.splitlines() if line.strip()]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def _config(folder: Path, socket: Path) -> tuple[Path, Path]:
    for sub in ("spool", "cache", "state", "log", "ppd"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    cupsd = folder / "cupsd.conf"
    cupsd.write_text(f"""Listen {socket}
LogLevel warn
Browsing No
DefaultAuthType None
WebInterface No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""", encoding="utf-8")
    files = folder / "cups-files.conf"
    user = ""
    if os.geteuid() == 0:   # cupsd refuses to run its jobs as root
        user = "User lp\nGroup lp\n"
    files.write_text(f"""ServerRoot {folder}
RequestRoot {folder / "spool"}
CacheDir {folder / "cache"}
StateDir {folder / "state"}
TempDir {folder / "spool"}
ErrorLog {folder / "log" / "error_log"}
AccessLog {folder / "log" / "access_log"}
PageLog {folder / "log" / "page_log"}
FileDevice Yes
ServerBin /usr/lib/cups
DataDir /usr/share/cups
{user}""", encoding="utf-8")
    return cupsd, files


def start_private_cups(folder: Path) -> PrivateCups:
    """Start cupsd on a socket in ``folder`` with a file printer as the default destination."""
    cupsd_bin = shutil.which("cupsd") or ("/usr/sbin/cupsd"
                                         if Path("/usr/sbin/cupsd").exists() else None)
    for tool in ("lpadmin", "lpstat"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise NoCups(f"{tool} is not installed (apt-get install cups-client)")
    if cupsd_bin is None:
        raise NoCups("cupsd is not installed (apt-get install cups)")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("lp")
        except KeyError:
            raise NoCups("running as root and there is no 'lp' user for cupsd's jobs") from None
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    socket = folder / "cups.sock"
    cupsd, files = _config(folder, socket)
    with (folder / "cupsd.out").open("wb") as said_to:
        process = subprocess.Popen([cupsd_bin, "-f", "-c", str(cupsd), "-s", str(files)],
                                   stdout=said_to, stderr=subprocess.STDOUT)
    server = PrivateCups(folder, socket, process)
    deadline = time.monotonic() + 20
    while not socket.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            log = folder / "log" / "error_log"
            said = (folder / "cupsd.out").read_text(errors="replace")
            said += log.read_text(errors="replace") if log.exists() else ""
            raise NoCups(f"cupsd did not start here: {said.strip()[-300:] or 'no socket'}")
        time.sleep(0.05)
    lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    for args in ([lpadmin, "-p", PRINTER, "-E", "-v", "file:/dev/null"],
                 [lpadmin, "-d", PRINTER]):
        out = server.lp(*args)
        if out.returncode != 0:
            server.stop()
            raise NoCups(f"lpadmin failed: {out.stderr.strip()[-300:]}")
    return server
