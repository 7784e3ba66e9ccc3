# iisdiag launcher for PowerShell (Windows PowerShell 5.1 and PowerShell 7): runs iisdiag.jar, which
# sits next to this file, with the java of JAVA_HOME, else the one on PATH (Java 17 or later). Every
# argument is passed on verbatim (@args), the folder of this file is iisdiag.home (its rules\ and
# knowledge-base\ are used), and the exit code is iisdiag's own. IISDIAG_JAVA_OPTS adds JVM options.
# No param() block on purpose: every argument, -f and --out included, belongs to iisdiag.

$iisdiagHome = $PSScriptRoot
$onWindows = $env:OS -eq 'Windows_NT'
$javaName = if ($onWindows) { 'java.exe' } else { 'java' }

if ($env:JAVA_HOME) {
    $java = Join-Path (Join-Path $env:JAVA_HOME 'bin') $javaName
    if (-not (Test-Path -LiteralPath $java -PathType Leaf)) {
        [Console]::Error.WriteLine("iisdiag: JAVA_HOME is set to '$env:JAVA_HOME' but $java is not there; set JAVA_HOME to a Java 17+ installation")
        exit 127
    }
} else {
    $found = Get-Command $javaName -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $found) {
        [Console]::Error.WriteLine('iisdiag: java not found on PATH; install Java 17 or later, or set JAVA_HOME')
        exit 127
    }
    $java = $found.Source
}

# Before PowerShell 7.3 ('Legacy' argument passing) native commands get one command-line string built
# without escaping: an argument with a quote in it, an empty one, or one with a space that ends in a
# backslash would reach java changed. Escape them as the C runtime reads them; 7.3+ does this itself.
function ConvertTo-NativeArgument([string] $a) {
    $legacy = -not (Test-Path Variable:PSNativeCommandArgumentPassing) -or $PSNativeCommandArgumentPassing -eq 'Legacy'
    if (-not $legacy) { return $a }
    if ($a -eq '') { return '""' }
    $escaped = $a -replace '(\\*)"', '$1$1\"'
    if ($escaped -match '\s') { $escaped = $escaped -replace '(\\+)$', '$1$1' }
    return $escaped
}

# JVM options of every launcher (LauncherJvmOptions.java in the sources); IISDIAG_JAVA_OPTS comes later and wins.
$javaArgs = @('-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:CICompilerCount=1', '-Xms128m', '-Xmx256m', '-Dsun.reflect.inflationThreshold=2147483647')
if ($env:IISDIAG_JAVA_OPTS) { $javaArgs += -split $env:IISDIAG_JAVA_OPTS }
$javaArgs += "-Diisdiag.home=$iisdiagHome"
$javaArgs += '-jar'
$javaArgs += (Join-Path $iisdiagHome 'iisdiag.jar')
$javaArgs += @($args)

& $java @($javaArgs | ForEach-Object { ConvertTo-NativeArgument $_ })
exit $LASTEXITCODE
