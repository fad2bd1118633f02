#!/bin/sh
# Composer offline installer for Linux and macOS:   sh install.sh TARGET
# Finds a Python 3.11-3.13, checks the installer against SHA256SUMS, then runs install.py, which
# verifies every file, creates a virtual environment in TARGET and installs from wheels/ only.
set -u
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
  echo "用法：sh install.sh 目标文件夹      例如 sh install.sh \"\$HOME/Composer\"" >&2
  echo "Usage: sh install.sh TARGET        e.g.  sh install.sh \"\$HOME/Composer\"" >&2
  exit 2
fi

# The files this script trusts before install.py checks everything else.
if command -v sha256sum >/dev/null 2>&1; then sum="sha256sum"
elif command -v shasum >/dev/null 2>&1; then sum="shasum -a 256"
else sum=""
fi
if [ -n "$sum" ]; then
  if ! (cd "$here" && grep -E '  (install\.py|bundle\.json)$' SHA256SUMS | $sum -c - >/dev/null 2>&1); then
    echo "安装程序已损坏（install.py 或 bundle.json 与 SHA256SUMS 不符）。请重新拷贝安装包。" >&2
    echo "The installer is damaged (install.py or bundle.json does not match SHA256SUMS). Copy the bundle again." >&2
    exit 3
  fi
fi

for py in "${COMPOSER_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
  [ -n "$py" ] || continue
  command -v "$py" >/dev/null 2>&1 || continue
  if "$py" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' \
      >/dev/null 2>&1; then
    exec "$py" "$here/install.py" "$1"
  fi
done
echo "没有找到 Python 3.11–3.13。请先安装其中之一（Debian/Ubuntu：apt install python3 python3-venv），" >&2
echo "或用 COMPOSER_PYTHON=/路径/python3 指定。" >&2
echo "No Python 3.11-3.13 found. Install one (Debian/Ubuntu: apt install python3 python3-venv)," >&2
echo "or name it with COMPOSER_PYTHON=/path/to/python3." >&2
exit 3
