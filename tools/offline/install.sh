#!/bin/sh
# Composer offline installer for Linux and macOS:   sh install.sh TARGET
# Finds a Python 3.11-3.13 (COMPOSER_PYTHON first, when set), checks install.py and bundle.json
# against SHA256SUMS, then runs install.py isolated (python -I: nothing beside it is imported),
# which verifies every other file, refuses files SHA256SUMS does not list, and installs.
set -u
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
  echo "用法：sh install.sh 目标文件夹      例如 sh install.sh \"\$HOME/Composer\"" >&2
  echo "Usage: sh install.sh TARGET        e.g.  sh install.sh \"\$HOME/Composer\"" >&2
  exit 2
fi

# The version of Python "$1" as X.Y.Z, run from / so that nothing in the bundle is imported.
version_of() {
  (cd / && "$1" -E -s -c 'import sys; print("%d.%d.%d" % tuple(sys.version_info[:3]))') 2>/dev/null
}
suitable() {
  case "$1" in 3.11.*|3.12.*|3.13.*) return 0 ;; *) return 1 ;; esac
}

py=""
found=""
if [ -n "${COMPOSER_PYTHON:-}" ]; then
  v=$(version_of "$COMPOSER_PYTHON")
  if [ -z "$v" ]; then
    echo "COMPOSER_PYTHON=$COMPOSER_PYTHON 不是可以运行的 Python。请改正它，或不设置它（安装程序会自己找）。" >&2
    echo "COMPOSER_PYTHON=$COMPOSER_PYTHON is not a Python that runs. Correct it, or unset it (the installer then looks by itself)." >&2
    exit 3
  fi
  if ! suitable "$v"; then
    echo "COMPOSER_PYTHON=$COMPOSER_PYTHON 是 Python $v，需要 3.11、3.12 或 3.13。" >&2
    echo "COMPOSER_PYTHON=$COMPOSER_PYTHON is Python $v; 3.11, 3.12 or 3.13 is needed." >&2
    exit 3
  fi
  py=$COMPOSER_PYTHON
else
  for name in python3.13 python3.12 python3.11 python3 python python3.10 python3.9 python3.8 python3.7 python3.6; do
    path=$(command -v "$name" 2>/dev/null) || continue
    v=$(version_of "$path") || continue
    [ -n "$v" ] || continue
    found="$found  $name $v ($path)
"
    if [ -z "$py" ] && suitable "$v"; then py=$path; fi
  done
fi
if [ -z "$py" ]; then
  echo "没有找到 Python 3.11、3.12 或 3.13。本机找到的 Python：" >&2
  echo "No Python 3.11, 3.12 or 3.13 found. Pythons found here:" >&2
  printf '%s' "${found:-  -
}" >&2
  echo "请先安装其中之一（见 安装说明.txt 第一节：Ubuntu 22.04：sudo apt install python3.11 python3.11-venv；RHEL 9：sudo dnf install python3.11），" >&2
  echo "或用 COMPOSER_PYTHON=/路径/python3.11 sh install.sh 目标文件夹 指定。" >&2
  echo "Install one (安装说明.txt, section 1: Ubuntu 22.04: sudo apt install python3.11 python3.11-venv; RHEL 9: sudo dnf install python3.11)," >&2
  echo "or name it: COMPOSER_PYTHON=/path/to/python3.11 sh install.sh TARGET." >&2
  exit 3
fi

# install.py and bundle.json are what runs first: check them before anything runs.
if ! (cd / && "$py" -I -c '
import hashlib, os, sys
root = sys.argv[1]
sums = {}
with open(os.path.join(root, "SHA256SUMS"), encoding="utf-8") as f:
    for line in f:
        digest, _, name = line.rstrip("\n").partition("  ")
        sums[name] = digest
for name in ("install.py", "bundle.json"):
    with open(os.path.join(root, name), "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != sums.get(name):
            sys.exit(1)
' "$here") >/dev/null 2>&1; then
  echo "安装程序已损坏（install.py 或 bundle.json 与 SHA256SUMS 不符，或缺少）。请从原始 zip 重新解压（先核对 zip 的 SHA-256）。" >&2
  echo "The installer is damaged (install.py or bundle.json does not match SHA256SUMS, or is missing). Unzip the original zip again (check the zip's SHA-256 first)." >&2
  exit 3
fi

exec "$py" -I "$here/install.py" "$1"
