@echo off
rem iisdiag launcher for cmd.exe: runs iisdiag.jar, which sits next to this file, with the java of
rem JAVA_HOME, else the one on PATH (Java 17 or later). Every argument is passed on exactly as typed,
rem the folder of this file is iisdiag.home (its rules\ and knowledge-base\ are used), and the exit
rem code is iisdiag's own. IISDIAG_JAVA_OPTS adds JVM options.
rem No parenthesised blocks below: a ")" in a path such as "C:\Program Files (x86)" would end them.
setlocal
set "IISDIAG_HOME_DIR=%~dp0"
rem drop the trailing backslash: "-Diisdiag.home=C:\iisdiag\" would escape the closing quote
set "IISDIAG_HOME_DIR=%IISDIAG_HOME_DIR:~0,-1%"
set "IISDIAG_JAVA=java.exe"
if defined JAVA_HOME set "IISDIAG_JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME if not exist "%IISDIAG_JAVA%" goto nojavahome
if not defined JAVA_HOME where /q java.exe || goto nojava
"%IISDIAG_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -Xms128m -Xmx256m -Dsun.reflect.inflationThreshold=2147483647 %IISDIAG_JAVA_OPTS% "-Diisdiag.home=%IISDIAG_HOME_DIR%" -jar "%IISDIAG_HOME_DIR%\iisdiag.jar" %*
exit /b %ERRORLEVEL%

:nojavahome
echo iisdiag: JAVA_HOME is set to "%JAVA_HOME%" but "%IISDIAG_JAVA%" is not there; set JAVA_HOME to a Java 17+ installation 1>&2
exit /b 127

:nojava
echo iisdiag: java.exe not found on PATH; install Java 17 or later, or set JAVA_HOME 1>&2
exit /b 127
