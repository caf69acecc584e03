@echo off
rem imagearray: ImageArray's command line, run from the distribution this script belongs to
rem (bin\imagearray.bat beside lib\). Java 8 or later: %JAVA_HOME%\bin\java.exe when JAVA_HOME is
rem set, else java on the PATH. JAVA_OPTS goes to Java. The exit status is the program's.
setlocal
set "IMAGEARRAY_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" %JAVA_OPTS% -Djava.awt.headless=true -cp "%IMAGEARRAY_HOME%\lib\*" io.github.imagearray.cli.Main %*
exit /b %ERRORLEVEL%
