@echo off
rem cavra-cp: runs the cavra-cp command of this distribution with the JDK of JAVA_HOME or the
rem java on PATH (17 or newer). Environment: JAVA_HOME, CAVRA_CP_JAVA_OPTS (extra JVM options).
setlocal
set "CAVRA_CP_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" %CAVRA_CP_JAVA_OPTS% -cp "%CAVRA_CP_HOME%\lib\*" io.cavra.controlplane.cli.CavraCp %*
exit /b %ERRORLEVEL%
