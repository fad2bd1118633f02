@echo off
rem Composer offline installer for Windows:   install.cmd TARGET   (or double-click it)
rem Finds Python 3.11-3.13 (COMPOSER_PYTHON when set, else the py launcher, else python), checks
rem install.py and bundle.json against SHA256SUMS, then runs install.py isolated (python -I: no
rem file beside it is imported), which verifies every other file and installs.
rem Written for cmd.exe's traps: no delayed expansion (a "!" in a path stays), no variable set
rem and read inside one ( ) block, every path echoed in quotes, the console code page put back
rem on every way out, and a pause at the end when started by a double-click.
rem Only ASCII above the "chcp 65001" line: cmd reads each line in the code page of that moment.
setlocal EnableExtensions DisableDelayedExpansion
set "RC=0"
set "HERE=%~dp0"
set "PAUSE_AT_END="
set "CCL=%cmdcmdline:"=%"
call set "CCL_REST=%%CCL:%~nx0=%%"
if not "%CCL_REST%"=="%CCL%" set "PAUSE_AT_END=1"
if defined COMPOSER_NO_PAUSE set "PAUSE_AT_END="
set "OLDCP="
for /f "tokens=2 delims=:" %%C in ('chcp') do set "OLDCP=%%C"
if defined OLDCP set "OLDCP=%OLDCP: =%"
if defined OLDCP set "OLDCP=%OLDCP:.=%"
chcp 65001 >nul

set "TARGET=%~1"
if defined TARGET goto have_target
if not defined PAUSE_AT_END goto usage
set "TARGET=%LOCALAPPDATA%\Programs\Composer"
echo 安装 Composer。请输入目标文件夹，直接回车则安装到 "%TARGET%"
echo Installing Composer. Type the target folder, or press Enter for "%TARGET%"
set /p "TARGET=> "
:have_target
set "TARGET=%TARGET:"=%"
rem A quoted path ending in \ ("C:\Composer\") would reach Python as C:\Composer" : end it in \.
if "%TARGET:~-1%"=="\" set "TARGET=%TARGET%."

set "PY="
if not defined COMPOSER_PYTHON goto find_py
call :probe "%COMPOSER_PYTHON%"
if defined PYOK set PY="%COMPOSER_PYTHON%"
if defined PYOK goto check_installer
if not defined PYV echo COMPOSER_PYTHON="%COMPOSER_PYTHON%" 不是可以运行的 Python。请改正它，或不设置它（安装程序会自己找）。
if not defined PYV echo COMPOSER_PYTHON="%COMPOSER_PYTHON%" is not a Python that runs. Correct it, or unset it (the installer then looks by itself).
if defined PYV echo COMPOSER_PYTHON="%COMPOSER_PYTHON%" 是 Python %PYV%，需要 3.11、3.12 或 3.13。
if defined PYV echo COMPOSER_PYTHON="%COMPOSER_PYTHON%" is Python %PYV%; 3.11, 3.12 or 3.13 is needed.
set "RC=3"
goto done

:find_py
for %%V in (3.13 3.12 3.11) do if not defined PY call :try_py py -%%V
if not defined PY call :try_py python
if defined PY goto check_installer
echo 没有找到 Python 3.11、3.12 或 3.13。本机找到的 Python（py -0p、python --version）：
echo No Python 3.11, 3.12 or 3.13 found. Pythons found here (py -0p, python --version):
py -0p 2>nul
python --version 2>nul
echo 请先安装其中之一（python.org 的 Windows 安装程序，见 安装说明.txt 第一节），或用 COMPOSER_PYTHON 指定：
echo   set COMPOSER_PYTHON=C:\路径\python.exe
echo Install one (python.org's Windows installer, see 安装说明.txt section 1), or name it with COMPOSER_PYTHON:
echo   set COMPOSER_PYTHON=C:\path\python.exe
set "RC=3"
goto done

:check_installer
%PY% -I -c "import hashlib,os,sys; r=sys.argv[1]; s=dict(l.rstrip('\n').split('  ',1)[::-1] for l in open(os.path.join(r,'SHA256SUMS'),encoding='utf-8') if '  ' in l); sys.exit(0 if all(hashlib.sha256(open(os.path.join(r,n),'rb').read()).hexdigest()==s.get(n) for n in ('install.py','bundle.json')) else 1)" "%HERE%." >nul 2>&1
if not errorlevel 1 goto run_installer
echo 安装程序已损坏（install.py 或 bundle.json 与 SHA256SUMS 不符，或缺少）。请从原始 zip 重新解压（先核对 zip 的 SHA-256）。
echo The installer is damaged (install.py or bundle.json does not match SHA256SUMS, or is missing). Unzip the original zip again (check the zip's SHA-256 first).
set "RC=3"
goto done

:run_installer
%PY% -I "%HERE%install.py" "%TARGET%"
set "RC=%errorlevel%"
goto done

:usage
echo 用法：install.cmd 目标文件夹      例如 install.cmd "%%LOCALAPPDATA%%\Programs\Composer"
echo Usage: install.cmd TARGET        e.g.  install.cmd "%%LOCALAPPDATA%%\Programs\Composer"
set "RC=2"
goto done

rem --- subroutines ------------------------------------------------------------------------------
:try_py
call :probe %*
if defined PYOK set "PY=%*"
exit /b 0

:probe
rem %* is a Python command; sets PYV to its version and PYOK when it is 3.11-3.13.
set "PYV="
set "PYOK="
set "PYV_FILE=%TEMP%\composer-install-python-%RANDOM%.txt"
%* -I -c "import sys; print(*sys.version_info[:3], sep='.'); sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" > "%PYV_FILE%" 2>nul
if not errorlevel 1 set "PYOK=1"
if exist "%PYV_FILE%" set /p PYV=<"%PYV_FILE%"
del "%PYV_FILE%" >nul 2>&1
exit /b 0

:done
if defined OLDCP chcp %OLDCP% >nul
if defined PAUSE_AT_END pause
exit /b %RC%
