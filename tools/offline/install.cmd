@echo off
rem Composer offline installer for Windows:   install.cmd TARGET
rem Finds Python 3.11-3.13 (the py launcher first), then runs install.py, which verifies every
rem file against SHA256SUMS, creates a virtual environment in TARGET and installs from wheels\ only.
setlocal EnableExtensions EnableDelayedExpansion
chcp 65001 >nul
if "%~1"=="" (
  echo 用法：install.cmd 目标文件夹      例如 install.cmd "%%LOCALAPPDATA%%\Programs\Composer"
  echo Usage: install.cmd TARGET        e.g.  install.cmd "%%LOCALAPPDATA%%\Programs\Composer"
  exit /b 2
)
set "HERE=%~dp0"
if defined COMPOSER_PYTHON (
  "%COMPOSER_PYTHON%" "%HERE%install.py" "%~1"
  exit /b !errorlevel!
)
for %%V in (3.13 3.12 3.11) do (
  py -%%V -c "import sys" >nul 2>&1
  if !errorlevel! equ 0 (
    py -%%V "%HERE%install.py" "%~1"
    exit /b !errorlevel!
  )
)
python -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" >nul 2>&1
if !errorlevel! equ 0 (
  python "%HERE%install.py" "%~1"
  exit /b !errorlevel!
)
echo 没有找到 Python 3.11–3.13。请先安装其中之一（python.org 的安装程序），或用 COMPOSER_PYTHON 指定。
echo No Python 3.11-3.13 found. Install one (the python.org installer), or name it with COMPOSER_PYTHON.
exit /b 3
