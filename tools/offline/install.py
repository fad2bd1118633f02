# -*- coding: utf-8 -*-
"""Install Composer from this offline bundle, never touching a network.

    python3 -I install.py TARGET        (install.sh and install.cmd run exactly this)

Checks the Python first (3.11-3.13; this file parses on any Python 3, so an older one is told
which Pythons were found and which are needed), verifies every file of the bundle against
SHA256SUMS (and refuses files it does not list), checks the machine (system, processor, glibc or
macOS version, free space and inodes, Windows path length), creates a virtual environment in
TARGET and installs Composer from ``wheels/`` with the bundle's own pip, ``--no-index``.
Afterwards ``TARGET/bin/composer`` (``TARGET\\Scripts\\composer.exe`` on Windows) is the program.

Nothing is ever left half-installed: the installer marks TARGET (``.composer-installing``)
before it writes anything, moves an earlier installation aside into TARGET rather than over it,
and on any failure or interruption puts TARGET back as it was. After a kill or a power cut the
mark stays, and the next run recognises it, restores TARGET and installs again.

Exit status: 0 installed; 2 wrong usage; 3 damaged bundle or unsuitable machine (Python,
system); 4 TARGET not usable (not writable, read-only, no space or inodes, path too long, not
empty); 5 the installation itself failed. Every failure says why and what to do, in Chinese and
English. Standard library only, and only syntax an old Python 3 parses (no f-strings, no
variable annotations): this runs before anything is installed, on whatever Python is there.
"""

import sys

PYTHONS = ((3, 11), (3, 12), (3, 13))
PYTHON_NAMES = ("python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
                "python3.8", "python3.7", "python3.6", "python3", "python")


def found_pythons():
    """Every Python on PATH as (command, version, path); the py launcher's list on Windows."""
    import os
    import shutil
    import subprocess
    found, seen = [], set()
    for name in PYTHON_NAMES:
        path = shutil.which(name)
        if not path or os.path.realpath(path) in seen:
            continue
        seen.add(os.path.realpath(path))
        try:
            out = subprocess.check_output(
                [path, "-c", "import sys; print('%d.%d.%d' % tuple(sys.version_info[:3]))"],
                stderr=subprocess.STDOUT, timeout=20)
            version = out.decode("ascii", "replace").strip().splitlines()[-1]
        except Exception:  # noqa: BLE001 (a broken interpreter is simply not listed)
            continue
        found.append((name, version, path))
    if os.name == "nt" and shutil.which("py"):
        try:
            out = subprocess.check_output(["py", "-0p"], stderr=subprocess.STDOUT, timeout=20)
            for line in out.decode("utf-8", "replace").splitlines():
                parts = line.split()
                if len(parts) >= 2 and parts[0].startswith("-V:"):
                    found.append(("py " + parts[0][3:], parts[0][3:], parts[-1]))
        except Exception:  # noqa: BLE001
            pass
    return found


def needed_text():
    return ", ".join("%d.%d" % v for v in PYTHONS)


def python_advice(found):
    """Two lines (zh, en): what was found, and what to run or install."""
    listed = "; ".join("%s %s (%s)" % f for f in found) or "-"
    good = [f for f in found if tuple(int(p) for p in f[1].split(".")[:2]) in PYTHONS]
    if good:
        cmd = '"%s" -I install.py TARGET' % good[0][2]
        return ("本机找到的 Python：%s。请用合适的那个运行：%s" % (listed, cmd),
                "Pythons found here: %s. Run the installer with a suitable one: %s" % (listed, cmd))
    return ("本机找到的 Python：%s。请先安装 Python %s（见 安装说明.txt：“先检查 Python 和 glibc”）。"
            % (listed, needed_text()),
            "Pythons found here: %s. Install Python %s first (安装说明.txt, \"Check Python and "
            "glibc first\")." % (listed, needed_text()))


if tuple(sys.version_info[:2]) not in PYTHONS:
    _here = "%d.%d.%d" % tuple(sys.version_info[:3])
    _zh, _en = python_advice(found_pythons())
    sys.stderr.write("这个安装程序需要 Python %s，当前运行它的是 Python %s（%s）。\n%s\n"
                     % (needed_text(), _here, sys.executable, _zh))
    sys.stderr.write("This installer needs Python %s; it was run by Python %s (%s).\n%s\n"
                     % (needed_text(), _here, sys.executable, _en))
    sys.exit(3)

import contextlib
import errno  # (after the version check, on purpose)
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = ".composer-offline.json"       # a complete installation
MARK = ".composer-installing"           # an installation under way (or cut off)
MARK_TMP = MARK + ".tmp"
PREVIOUS = ".composer-previous"         # an earlier installation, moved aside while upgrading
KEEP = ("lost+found",)                  # a mount point's own folder: never touched
# What an installation consists of: moved aside while upgrading (anything else an admin put in
# TARGET stays where it is, untouched, and is never deleted by a rollback).
OURS = ("bin", "lib", "lib64", "include", "share", "etc", "Lib", "Include", "Scripts",
        "pyvenv.cfg", MARKER, "composer.desktop", "Composer.cmd", "Composer.command")
OS_LITTER = (".DS_Store", "Thumbs.db", "desktop.ini")
WINDOWS_MAX_PATH = 259                  # MAX_PATH (260) less the terminating NUL
_CHILD = []                             # the running pip, killed before any rollback


class Failure(Exception):
    def __init__(self, status, zh, en):
        Exception.__init__(self, en)
        self.status, self.zh, self.en = status, zh, en


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP: handled as Ctrl-C is (roll back, then exit)."""


def say(zh, en):
    print(zh)
    print(en)
    sys.stdout.flush()


def _recopy(what_zh, what_en):
    return Failure(3, "安装包已损坏或不完整：%s。请从原始 zip 重新解压（先核对 zip 的 SHA-256）。" % what_zh,
                   "The bundle is damaged or incomplete: %s. Unzip the original zip again "
                   "(check the zip's SHA-256 first)." % what_en)


def load_bundle(root=HERE):
    try:
        with (root / "bundle.json").open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise _recopy("无法读取 bundle.json（%s）" % exc,
                      "cannot read bundle.json (%s)" % exc) from None


def _sha256(path):
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_sums(root=HERE):
    """Every file SHA256SUMS lists matches it, and no file it does not list lies at the top of
    the bundle or in wheels/ (a json.py beside install.py is refused, never run). Returns the
    number of files checked."""
    try:
        lines = (root / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except OSError:
        raise _recopy("缺少 SHA256SUMS", "SHA256SUMS is missing") from None
    listed = {}
    for line in lines:
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or name.startswith("/") or ".." in name.split("/"):
            raise _recopy("SHA256SUMS 有无法识别的一行 %r" % line[:80],
                          "SHA256SUMS has a line that cannot be read: %r" % line[:80])
        listed[name] = digest
    for name in sorted(listed):
        path = root / name
        if not path.is_file():
            raise _recopy("缺少 %s" % name, "%s is missing" % name)
        if _sha256(path) != listed[name]:
            raise _recopy("%s 的 SHA-256 与 SHA256SUMS 不符" % name,
                          "the SHA-256 of %s does not match SHA256SUMS" % name)
    extra = sorted(p.name for p in root.iterdir()
                   if p.name not in listed and p.name not in ("SHA256SUMS", "wheels")
                   and p.name not in OS_LITTER)
    extra += sorted("wheels/" + p.name for p in (root / "wheels").iterdir()
                    if "wheels/" + p.name not in listed and p.name not in OS_LITTER)
    if extra:
        shown = ", ".join(extra[:5])
        raise Failure(3, "安装包中有 SHA256SUMS 未列出的文件：%s。为安全起见不运行；请删除它们，"
                      "或从原始 zip 重新解压。" % shown,
                      "The bundle holds files SHA256SUMS does not list: %s. Nothing is run; "
                      "delete them or unzip the original zip again." % shown)
    return len(listed)


def _system():
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)


def _machine():
    machine = platform.machine()
    return {"amd64": "AMD64", "x86_64": "x86_64", "aarch64": "aarch64", "arm64": "arm64"}.get(
        machine.lower(), machine)


def _version_tuple(text):
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def venv_missing_failure():
    minor = "3.%d" % sys.version_info[1]
    return Failure(
        3, "这个 Python（%s）缺少 venv 模块，无法创建独立的运行环境。安装它：Debian、Ubuntu、统信 UOS、"
        "银河麒麟桌面版：sudo apt install python%s-venv；RHEL、openEuler、麒麟服务器版：sudo dnf install "
        "python%s。没有互联网时从本单位的内网软件源安装。" % (sys.executable, minor, minor),
        "This Python (%s) lacks the venv module, so no environment of its own can be made. "
        "Install it: Debian, Ubuntu, UOS, Kylin desktop: sudo apt install python%s-venv; RHEL, "
        "openEuler, Kylin server: sudo dnf install python%s. Without internet, install from "
        "your site's local package mirror." % (sys.executable, minor, minor))


def check_machine(bundle):
    here = "%d.%d" % tuple(sys.version_info[:2])
    if here not in bundle["pythons"]:
        zh, en = python_advice(found_pythons())
        raise Failure(3, "这个安装包需要 Python %s，当前是 %s（%s）。%s"
                      % ("、".join(bundle["pythons"]), here, sys.executable, zh),
                      "This bundle needs Python %s; this is %s (%s). %s"
                      % (", ".join(bundle["pythons"]), here, sys.executable, en))
    system, machine = _system(), _machine()
    if system != bundle["system"] or machine.lower() != bundle["machine"].lower():
        raise Failure(3, "这个安装包适用于 %s，本机是 %s %s。请使用对应平台的安装包。"
                      % (bundle["platform"], system, machine),
                      "This bundle is for %s; this machine is %s %s. Use the bundle for this "
                      "platform." % (bundle["platform"], system, machine))
    floor = bundle.get("minimum_os") or ""
    if system == "linux" and floor.startswith("glibc "):
        libc, version = platform.libc_ver()
        if libc == "glibc" and _version_tuple(version) < _version_tuple(floor.split()[1]):
            raise Failure(3, "本机的 glibc 是 %s，这个安装包中的 Qt 需要 %s 或更新的系统（见 安装说明.txt）。"
                          % (version, floor),
                          "This machine has glibc %s; the Qt in this bundle needs %s or a newer "
                          "system (see 安装说明.txt)." % (version, floor))
    if system == "macos" and floor.startswith("macOS "):
        mac = platform.mac_ver()[0]
        if mac and _version_tuple(mac) < _version_tuple(floor.split()[1]):
            raise Failure(3, "本机是 macOS %s，这个安装包需要 %s 或更新版本。" % (mac, floor),
                          "This machine runs macOS %s; this bundle needs %s or newer."
                          % (mac, floor))
    try:
        import venv
        venv.EnvBuilder  # noqa: B018 (an empty folder in its place imports as a namespace)
    except (ImportError, AttributeError):
        raise venv_missing_failure() from None


# --- what the operating system said, as an admin needs to hear it ----------------------------


def _user():
    for name in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return "$USER"


def os_failure(exc, path, doing_zh, doing_en):
    """An OSError while writing ``path``, as exit status 4 with the remedy."""
    code = getattr(exc, "errno", None)
    reason = exc.strerror or str(exc)
    where_zh, where_en = "%s %s（%s）" % (doing_zh, path, reason), "%s %s (%s)" % (
        doing_en, path, reason)
    if code in (errno.EACCES, errno.EPERM):
        if os.name == "nt":
            fix_zh = "请换一个自己有权写入的文件夹（例如 %LOCALAPPDATA%\\Programs\\Composer），或以管理员身份运行。"
            fix_en = ("Choose a folder you may write (e.g. %LOCALAPPDATA%\\Programs\\Composer), "
                      "or run as administrator.")
        else:
            fix_zh = ("请换一个自己有权写入的文件夹（例如 ~/Composer），或由管理员先建好并交给你："
                      "sudo mkdir -p \"%s\" && sudo chown %s \"%s\"。" % (path, _user(), path))
            fix_en = ("Choose a folder you may write (e.g. ~/Composer), or have an administrator "
                      "make it yours: sudo mkdir -p \"%s\" && sudo chown %s \"%s\"."
                      % (path, _user(), path))
        return Failure(4, "没有写入权限：%s。%s" % (where_zh, fix_zh),
                       "No permission to write: %s. %s" % (where_en, fix_en))
    if code == errno.EROFS:
        return Failure(4, "文件系统是只读的：%s。请换一个可写的磁盘或文件夹（或请管理员以读写方式挂载）。" % where_zh,
                       "The file system is read-only: %s. Choose a writable disk or folder (or "
                       "have it mounted read-write)." % where_en)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        if no_inodes(path):
            return Failure(4, "磁盘的文件数（inode）已用尽：%s。请删除不用的文件，或换一个磁盘。" % where_zh,
                           "The disk has no free inodes (file entries) left: %s. Delete unused "
                           "files or choose another disk." % where_en)
        return Failure(4, "磁盘已满或超出配额：%s。请腾出空间或换一个磁盘。" % where_zh,
                       "The disk is full or over quota: %s. Free space or choose another disk."
                       % where_en)
    return Failure(4, "无法写入：%s。" % where_zh, "Cannot write: %s." % where_en)


def _existing(path):
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def no_inodes(path):
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        st = statvfs(str(_existing(path)))
    except OSError:
        return False
    return st.f_files > 0 and st.f_favail == 0


def check_space(target, bundle):
    where = _existing(target)
    need_mb = int(bundle.get("space_needed_mb", 0))
    free_mb = shutil.disk_usage(str(where)).free // 1000000
    if free_mb < need_mb:
        raise Failure(4, "磁盘空间不足：安装需要约 %d MB，%s 只剩 %d MB。请腾出空间或换一个磁盘。"
                      % (need_mb, where, free_mb),
                      "Not enough space: about %d MB needed, %d MB free on %s. Free space or "
                      "choose another disk." % (need_mb, free_mb, where))
    need_files = int(bundle.get("files_needed", 0))
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None and need_files:
        st = statvfs(str(where))
        if st.f_files > 0 and st.f_favail < need_files:  # f_files 0: no inode limit (btrfs…)
            raise Failure(4, "磁盘的文件数（inode）不足：安装要建约 %d 个文件，%s 只剩 %d 个。请删除不用的文件，"
                          "或换一个磁盘。" % (need_files, where, st.f_favail),
                          "Too few free inodes: the installation makes about %d files, %s has "
                          "%d left. Delete unused files or choose another disk."
                          % (need_files, where, st.f_favail))


def long_paths_enabled():
    try:
        import winreg
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                             r"SYSTEM\CurrentControlSet\Control\FileSystem")
        value = winreg.QueryValueEx(key, "LongPathsEnabled")[0]
    except (ImportError, OSError):
        return False
    return value == 1


def path_length_failure(target_text, deepest, long_paths):
    """Windows: the deepest installed file must fit in MAX_PATH unless long paths are on."""
    total = len(target_text) + 1 + deepest
    if long_paths or total <= WINDOWS_MAX_PATH:
        return None
    room = WINDOWS_MAX_PATH - 1 - deepest
    return Failure(
        4, "目标路径太长：%s 有 %d 个字符，其中最深的文件将达 %d 个字符，超过 Windows 的 260 字符限制。"
        "请换一个不超过 %d 个字符的文件夹（例如 C:\\Composer），或由管理员开启长路径支持：reg add "
        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem /v LongPathsEnabled /t REG_DWORD /d 1 /f"
        "（组策略：计算机配置→管理模板→系统→文件系统→启用 Win32 长路径），然后重新登录。"
        % (target_text, len(target_text), total, room),
        "The target path is too long: %s has %d characters, and the deepest file would have %d, "
        "over Windows's 260-character limit. Choose a folder of at most %d characters (e.g. "
        "C:\\Composer), or have an administrator enable long paths: reg add "
        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem /v LongPathsEnabled /t REG_DWORD "
        "/d 1 /f (group policy: Computer Configuration > Administrative Templates > System > "
        "Filesystem > Enable Win32 long paths), then sign in again."
        % (target_text, len(target_text), total, room))


# --- the target folder: marked before anything is written, restored on any failure -----------


def _fsync_dir(path):
    if os.name == "nt":
        return
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_mark(target, data):
    tmp = target / MARK_TMP
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(str(tmp), str(target / MARK))
    _fsync_dir(target)


def read_mark(target):
    try:
        return json.loads((target / MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _remove(path):
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(str(path))
    else:
        path.unlink()


def _alive(pid):
    """Is ``pid`` an installer (or its pip) still running? False when unsure after a reboot."""
    if not pid or pid == os.getpid() or os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # another user's process: it exists
    cmdline = Path("/proc/%d/cmdline" % pid)
    if cmdline.exists():
        try:
            text = cmdline.read_bytes().decode("utf-8", "replace")
        except OSError:
            return True
        return "install.py" in text or "pip" in text
    return True


def recover(target):
    """Put back what an interrupted installation left, whatever phase it was cut off in.
    Returns the phase found."""
    data = read_mark(target)
    running = [p for p in data.get("pids", []) if _alive(p)]
    if running:
        raise Failure(4, "另一个安装程序正在安装到 %s（进程 %s）。请等它结束或先停止它，再运行。"
                      % (target, ", ".join(map(str, running))),
                      "Another installation into %s is running (process %s). Wait for it to "
                      "end or stop it, then run again." % (target, ", ".join(map(str, running))))
    phase = data.get("phase", "preparing")
    previous = target / PREVIOUS
    if phase == "committed":
        if previous.exists():
            shutil.rmtree(str(previous))
    else:
        if phase == "installing":
            kept = tuple(data.get("kept", ()))
            for entry in list(target.iterdir()):
                if entry.name not in (MARK, MARK_TMP, PREVIOUS) + KEEP + kept:
                    _remove(entry)
            write_mark(target, dict(data, phase="restoring"))
        if previous.exists():
            for entry in sorted(previous.iterdir()):
                os.replace(str(entry), str(target / entry.name))
            previous.rmdir()
    for name in (MARK_TMP, MARK):
        if (target / name).exists():
            (target / name).unlink()
    _fsync_dir(target)
    return phase


class Transaction:
    """One installation into ``target``: begin() marks it, commit() completes it, rollback()
    puts the folder back as it was."""

    def __init__(self, target, bundle, upgrade):
        self.target, self.upgrade = target, upgrade
        self.data = {"version": bundle["version"], "pids": [os.getpid()],
                     "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "upgrade": upgrade}

    def phase(self, name, **changes):
        self.data.update(changes, phase=name)
        write_mark(self.target, self.data)

    def begin(self):
        names = set(os.listdir(str(self.target))) - {MARK, MARK_TMP, PREVIOUS}
        kept = sorted(names - set(OURS))
        self.phase("preparing", kept=kept)
        if self.upgrade:
            previous = self.target / PREVIOUS
            previous.mkdir()
            for name in sorted(names & set(OURS)):
                os.replace(str(self.target / name), str(previous / name))
            _fsync_dir(previous)
        self.phase("installing")

    def add_pid(self, pid):
        self.phase("installing", pids=self.data["pids"] + [pid])

    def commit(self):
        if hasattr(os, "sync"):
            os.sync()  # a power cut from here on keeps the new installation
        self.phase("committed")
        recover(self.target)

    def rollback(self):
        for child in _CHILD:
            if child.poll() is None:
                child.kill()
                child.wait()
        try:
            recover(self.target)
        except (OSError, Failure) as exc:
            print("未能恢复 %s（%s）：再次运行安装程序时会继续恢复。" % (self.target, exc), file=sys.stderr)
            print("Could not put %s back (%s): running the installer again finishes that."
                  % (self.target, exc), file=sys.stderr)


def prepare_target(target):
    """Make ``target`` exist and be ours to write; returns True for an earlier installation to
    upgrade, False for an empty folder."""
    if target.exists() and not target.is_dir():
        raise Failure(4, "目标不是文件夹：%s。请指定一个文件夹。" % target,
                      "The target is not a folder: %s. Name a folder." % target)
    try:
        target.mkdir(parents=True, exist_ok=True)
        names = set(os.listdir(str(target)))
        if MARK in names or MARK_TMP in names:
            phase = recover(target)
            say("发现上次未完成的安装（中断于“%s”阶段），已把 %s 恢复原状，现在重新安装。" % (phase, target),
                "Found an installation that was cut off (phase \"%s\"); %s was put back as it "
                "was, installing again now." % (phase, target))
            names = set(os.listdir(str(target)))
        probe = target / MARK_TMP
        with probe.open("w") as f:
            f.write("probe")
        probe.unlink()
    except OSError as exc:
        raise os_failure(exc, target, "写入目标文件夹", "writing the target folder") from None
    names -= set(KEEP) | set(OS_LITTER)
    if MARKER in names:
        return True
    if not names:
        return False
    if "pyvenv.cfg" in names:
        raise Failure(4, "%s 中是一个未完成的 Python 环境（可能是旧版安装程序中断后留下的），不是完整的 Composer "
                      "安装。确认其中没有需要的文件后清空它（Linux/macOS：rm -rf \"%s\"/* \"%s\"/.[!.]*；Windows："
                      "删除该文件夹中的全部内容），再运行安装。" % (target, target, target),
                      "%s holds an unfinished Python environment (perhaps left by an older "
                      "installer that was interrupted), not a complete Composer installation. "
                      "After checking nothing in it is needed, empty it (Linux/macOS: rm -rf "
                      "\"%s\"/* \"%s\"/.[!.]*; Windows: delete everything in the folder) and run "
                      "the installer again." % (target, target, target))
    shown = ", ".join(sorted(names)[:3])
    raise Failure(4, "目标文件夹不是空的，也不是以前的 Composer 安装：%s（其中有 %s）。请换一个空文件夹或新文件夹。"
                  % (target, shown),
                  "The target folder is neither empty nor an earlier Composer installation: %s "
                  "(it holds %s). Choose an empty or new folder." % (target, shown))


# --- installing ------------------------------------------------------------------------------


def _bin(target, name):
    if os.name == "nt":
        return target / "Scripts" / (name + ".exe")
    return target / "bin" / name


def offline_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIP_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    # ignore any pip configuration of the machine (an index, a proxy, constraints)
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_CACHE_DIR="1", PIP_NO_INPUT="1")
    return env


def run_child(cmd, tx):
    """Run ``cmd``, recorded in the mark while it runs; returns (status, output)."""
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env=offline_env())
    _CHILD.append(child)
    tx.add_pid(child.pid)
    out = child.communicate()[0].decode("utf-8", "replace")
    _CHILD.remove(child)
    return child.returncode, out


def create_environment(target):
    import venv
    try:
        venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(str(target))
    except OSError as exc:
        raise os_failure(exc, target, "创建虚拟环境", "creating the virtual environment") from None


def pip_failure(status, output, target):
    """pip's failure: a full disk, a read-only or unwritable target said as such, else pip's
    own last lines."""
    for code, needle in ((errno.ENOSPC, "No space left"), (errno.EROFS, "Read-only file system"),
                         (errno.EACCES, "Permission denied"),
                         (getattr(errno, "EDQUOT", -1), "quota exceeded")):
        if needle.lower() in output.lower():
            return os_failure(OSError(code, needle), target, "安装文件到", "installing into")
    detail = "\n".join(output.strip().splitlines()[-8:])
    return Failure(5, "安装失败（pip 退出码 %d）：\n%s" % (status, detail),
                   "Installation failed (pip exit status %d); pip's last lines are above." % status)


def install_wheels(target, bundle, tx):
    wheels = HERE / "wheels"
    pip = wheels / bundle["pip_wheel"] / "pip"
    status, out = run_child(
        [str(_bin(target, "python")),
         "-I", str(pip), "install", "--no-index", "--find-links", str(wheels),
         "--only-binary=:all:", "--no-warn-script-location", "--disable-pip-version-check",
         "--no-input", "%s==%s" % (bundle["name"], bundle["version"])], tx)
    if status != 0:
        raise pip_failure(status, out, target)


def check_program(target, tx):
    status, out = run_child([str(_bin(target, "composer-cli")), "--version"], tx)
    if status != 0:
        last = (out.strip().splitlines() or [""])[-1]
        raise Failure(5, "已安装，但程序无法启动：%s" % last,
                      "Installed, but the program does not start: %s" % last)
    return out.strip()


LAUNCHER_NOTE_ZH = "若程序无法启动：原因写在 %s；运行 %s doctor 检查本机。"
LAUNCHER_NOTE_EN = "If Composer does not start: the reason is in %s; run %s doctor."


def write_launchers(target):
    """A double-clickable starter beside the environment; returns it."""
    cli = _bin(target, "composer-cli")
    if os.name == "nt":
        where = r"%LOCALAPPDATA%\Composer\startup-error.txt"
        launcher = target / "Composer.cmd"
        text = ("@echo off\r\nrem " + LAUNCHER_NOTE_EN % (where, cli) + "\r\n"
                'start "" "%~dp0Scripts\\composer.exe" %*\r\n')
        launcher.write_bytes(text.encode("ascii", "replace"))
        return launcher
    program = _bin(target, "composer")
    if sys.platform == "darwin":
        where = "~/Library/Application Support/Composer/startup-error.txt"
        launcher = target / "Composer.command"
        launcher.write_text("#!/bin/sh\n# %s\n# %s\nexec \"%s\" \"$@\"\n" % (
            LAUNCHER_NOTE_ZH % (where, cli), LAUNCHER_NOTE_EN % (where, cli), program),
            encoding="utf-8")
    else:
        where = "~/.local/share/composer/startup-error.txt"
        launcher = target / "composer.desktop"
        quoted = str(program).replace("\\", "\\\\").replace('"', '\\"')
        launcher.write_text(
            "[Desktop Entry]\n# %s\n# %s\nType=Application\nName=Composer\n"
            "Name[zh_CN]=网络安全事件报告\nComment=%s\nComment[zh_CN]=%s\nExec=\"%s\" %%f\n"
            "Terminal=false\nCategories=Office;\n"
            % (LAUNCHER_NOTE_ZH % (where, cli), LAUNCHER_NOTE_EN % (where, cli),
               LAUNCHER_NOTE_EN % (where, cli), LAUNCHER_NOTE_ZH % (where, cli), quoted),
            encoding="utf-8")
    launcher.chmod(0o755)
    return launcher


def write_marker(target, bundle):
    tmp = target / (MARKER + ".tmp")
    tmp.write_text(json.dumps({
        "version": bundle["version"], "platform": bundle["platform"],
        "installed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": sys.version.split()[0]}, indent=2) + "\n", encoding="utf-8")
    os.replace(str(tmp), str(target / MARKER))


def target_path(text):
    if os.name == "nt":
        text = text.rstrip('"')  # "C:\Composer\" reaches Python as C:\Composer"
    return Path(os.path.abspath(os.path.expanduser(text)))


def _remove_if_empty(folder):
    with contextlib.suppress(OSError):
        folder.rmdir()


def install(target_text):
    bundle = load_bundle()
    count = verify_sums()
    say("已核对 %d 个文件的 SHA-256。" % count, "SHA-256 of %d files verified." % count)
    check_machine(bundle)
    target = target_path(target_text)
    if os.name == "nt":
        failure = path_length_failure(str(target), int(bundle.get("deepest_path", 0)),
                                      long_paths_enabled())
        if failure is not None:
            raise failure
    existed = target.exists()
    try:
        upgrade = prepare_target(target)
        check_space(target, bundle)
    except Failure:
        if not existed:
            _remove_if_empty(target)
        raise
    tx = Transaction(target, bundle, upgrade)
    try:
        try:
            tx.begin()
            create_environment(target)
            install_wheels(target, bundle, tx)
            version = check_program(target, tx)
            launcher = write_launchers(target)
            write_marker(target, bundle)
        except OSError as exc:
            raise os_failure(exc, target, "写入", "writing") from None
        tx.commit()
    except BaseException:
        tx.rollback()
        if not existed:
            _remove_if_empty(target)
        raise
    program = _bin(target, "composer")
    say("安装完成：%s\n程序：%s\n启动器：%s" % (version, program, launcher),
        "Installed: %s\nProgram: %s\nLauncher: %s" % (version, program, launcher))
    say("检查本机：%s doctor。卸载：删除文件夹 %s（草稿和报送记录保存在用户数据文件夹中，不会被删除）。"
        % (_bin(target, "composer-cli"), target),
        "To check this workstation: %s doctor. To uninstall, delete the folder %s (drafts "
        "and sending records stay in the user data folder)." % (_bin(target, "composer-cli"),
                                                                 target))
    return 0


def _interrupt(signum, frame):
    raise Interrupted()


def main(argv):
    if len(argv) != 1 or not argv[0].strip():
        say("用法：python3 -I install.py 目标文件夹", "Usage: python3 -I install.py TARGET")
        return 2
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    try:
        return install(argv[0])
    except Failure as exc:
        print(exc.zh, file=sys.stderr)
        print(exc.en, file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("安装已中断，目标文件夹已恢复原状。", file=sys.stderr)
        print("Installation interrupted; the target folder was put back as it was.",
              file=sys.stderr)
        return 5


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
