<#
.SYNOPSIS
Collects what iisdiag reads from an IIS server into one zip: IIS and HTTPERR logs, Failed Request
Tracing files, System and Application events, applicationHost.config and web.config files (secrets
removed before anything is written), ASP.NET Core stdout logs, and an env.yaml of server facts.

.DESCRIPTION
Run it elevated on the IIS server, in Windows PowerShell 5.1 or PowerShell 7. Each source is collected
on its own: one that fails is written to collect.log (which goes into the zip too) and the others go
on. Then, on your desk: iisdiag diagnose <the zip>.

.PARAMETER Since
Start of the time window (default: 24 hours ago). Log files written in the window are copied whole.

.PARAMETER Until
End of the time window (default: now).

.PARAMETER Site
Only this IIS site (its name as in IIS Manager); default: every site. HTTPERR logs and events are
server-wide and always collected.

.PARAMETER Output
Folder to collect into (must be new or empty); the zip is written next to it as <Output>.zip.
Default: .\iis-case-<server>-<yyyyMMdd-HHmm>.

.EXAMPLE
.\Collect-IisCase.ps1 -Since '2025-01-09 13:00' -Until '2025-01-09 15:00'

.EXAMPLE
.\Collect-IisCase.ps1 -Site 'Contoso Shop' -Output D:\cases\shop-503
#>
#Requires -Version 5.1
#Requires -RunAsAdministrator
[CmdletBinding()]
param(
    [datetime] $Since = (Get-Date).AddHours(-24),
    [datetime] $Until = (Get-Date),
    [string] $Site,
    [string] $Output = (Join-Path (Get-Location).ProviderPath ('iis-case-{0}-{1:yyyyMMdd-HHmm}' -f $env:COMPUTERNAME, (Get-Date)))
)

# What is collected, where it goes in the case folder, and what iisdiag reads it as. Keep one source per
# line: src/test/java/org/iisdiag/collect/CollectLayoutTest.java reads this table and checks it against a
# case laid out the same way (src/test/resources/collect-layout/) and iisdiag's readers.
#   <id>  the site id (IIS names its log folders W3SVC<id>)
#   <app> ROOT for a site's root application, ROOT/<path> for the others (ROOT/api for /api)
# The last part of a Target is also the file filter used on the server.
$Sources = @(
    @{ Name = 'IisLogs';           Target = 'W3SVC<id>/*.log';                     Kind = 'IIS_W3C_LOG';             Collect = 'Save-IisLogs' }
    @{ Name = 'HttpErrLogs';       Target = 'HTTPERR/httperr*.log';                Kind = 'HTTPERR_LOG';             Collect = 'Save-HttpErrLogs' }
    @{ Name = 'FailedRequests';    Target = 'FailedReqLogFiles/W3SVC<id>/fr*.xml'; Kind = 'FAILED_REQUEST_TRACE';    Collect = 'Save-FailedRequestTraces' }
    @{ Name = 'SystemEvents';      Target = 'events/System.xml';                   Kind = 'EVENT_LOG_XML';           Collect = 'Save-SystemEvents' }
    @{ Name = 'ApplicationEvents'; Target = 'events/Application.xml';              Kind = 'EVENT_LOG_XML';           Collect = 'Save-ApplicationEvents' }
    @{ Name = 'SecurityEvents';    Target = 'events/Security.xml';                 Kind = 'EVENT_LOG_XML';           Collect = 'Save-SecurityEvents' }
    @{ Name = 'AppHostConfig';     Target = 'config/applicationHost.config';       Kind = 'APPLICATION_HOST_CONFIG'; Collect = 'Save-AppHostConfig' }
    @{ Name = 'WebConfigs';        Target = 'config/W3SVC<id>/<app>/web.config';   Kind = 'WEB_CONFIG';              Collect = 'Save-WebConfigs' }
    @{ Name = 'AncmStdoutLogs';    Target = 'ancm/W3SVC<id>/<app>/stdout*.log';    Kind = 'ANCM_STDOUT_LOG';         Collect = 'Save-AncmStdoutLogs' }
    @{ Name = 'Environment';       Target = 'env.yaml';                            Kind = 'ENV_YAML';                Collect = 'Save-EnvYaml' }
)

# Event providers iisdiag reads (W3SVC-WP logs to either log depending on the event, so both ask for it).
# ASP.NET 2.0.50727.0 writes the events of pools whose .NET CLR version is v2.0 (an ASP.NET 4 application put in
# such a pool reports its configuration error there).
$SystemProviders = @('WAS', 'Microsoft-Windows-WAS', 'W3SVC', 'Microsoft-Windows-IIS-W3SVC', 'HTTP',
    'Microsoft-Windows-HttpEvent', 'W3SVC-WP', 'Microsoft-Windows-IIS-W3SVC-WP', 'Microsoft-Windows-Security-Kerberos')
$ApplicationProviders = @('IIS AspNetCore Module V2', 'IIS AspNetCore Module', 'IIS Express AspNetCore Module V2',
    'ASP.NET 4.0.30319.0', 'ASP.NET 2.0.50727.0', '.NET Runtime', 'Application Error', 'Windows Error Reporting', 'W3SVC-WP',
    'Microsoft-Windows-IIS-W3SVC-WP')

# Configuration secrets: attributes named like these, and the values of settings named like them.
$SecretName = 'password|pwd|secret|token|key|connectionstring|credential'
# Attributes whose names match $SecretName but hold identifiers, not secrets.
$NotSecret = @('key', 'publicKeyToken', 'keyContainerName')
# Environment variables whose values iisdiag needs and that are never secret.
$KeptVariables = @('ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'ASPNETCORE_DETAILEDERRORS', 'ASPNETCORE_MODULE_DEBUG')
$Redacted = '[redacted]'

$ErrorActionPreference = 'Stop'
$Utf8 = New-Object System.Text.UTF8Encoding $false
# A 32-bit PowerShell on 64-bit Windows sees SysWOW64 as System32, which has no IIS configuration.
$System32 = if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) { 'Sysnative' } else { 'System32' }
$InetSrv = Join-Path (Join-Path $env:windir $System32) 'inetsrv'

function Write-CollectLog([string] $Status, [string] $Message) {
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1,-6} {2}' -f (Get-Date).ToUniversalTime(), $Status, $Message
    [IO.File]::AppendAllText($script:LogFile, $line + "`r`n", $Utf8)
    Write-Host $line
}

function Expand-Path([string] $Path) { [Environment]::ExpandEnvironmentVariables($Path) }

# The case-folder path of a source's Target with <id> and <app> filled in.
function Resolve-Target([hashtable] $Source, [hashtable] $Values = @{}) {
    $path = $Source.Target
    foreach ($name in $Values.Keys) { $path = $path.Replace("<$name>", [string] $Values[$name]) }
    Join-Path $Output ($path -replace '/', '\')
}

function Get-Filter([hashtable] $Source) { ($Source.Target -split '/')[-1] }

# Copies the files of $From matching $Filter that were written during the window; returns how many.
function Copy-InWindow([string] $From, [string] $Filter, [string] $To, [string] $What) {
    if (-not (Test-Path -LiteralPath $From -PathType Container)) {
        Write-CollectLog 'NOTE' "${What}: no folder $From"
        return 0
    }
    $files = @(Get-ChildItem -LiteralPath $From -Filter $Filter -File |
        Where-Object { $_.LastWriteTime -ge $Since -and $_.CreationTime -le $Until })
    if ($files.Count -gt 0) { $null = New-Item -ItemType Directory -Force -Path $To }
    foreach ($file in $files) { Copy-Item -LiteralPath $file.FullName -Destination $To }
    return $files.Count
}

function Get-ServerManager {
    if (-not $script:ServerManager) {
        Add-Type -Path (Join-Path $InetSrv 'Microsoft.Web.Administration.dll')
        $script:ServerManager = New-Object Microsoft.Web.Administration.ServerManager
    }
    $script:ServerManager
}

function Get-CollectedSites {
    $sites = @((Get-ServerManager).Sites)
    if ($Site) {
        $sites = @($sites | Where-Object { $_.Name -eq $Site })
        if ($sites.Count -eq 0) { throw "no IIS site is named '$Site'" }
    }
    $sites
}

# Every application of the collected sites: its site id, folder name (<app>), physical path and pool.
function Get-CollectedApplications {
    foreach ($s in Get-CollectedSites) {
        foreach ($app in $s.Applications) {
            $root = $app.VirtualDirectories | Where-Object { $_.Path -eq '/' } | Select-Object -First 1
            if (-not $root) { continue }
            [pscustomobject] @{
                SiteId       = $s.Id
                Folder       = ('ROOT' + $app.Path).TrimEnd('/')
                PhysicalPath = Expand-Path $root.PhysicalPath
                Pool         = $app.ApplicationPoolName
            }
        }
    }
}

function Save-IisLogs([hashtable] $Source) {
    $count = 0
    foreach ($s in Get-CollectedSites) {
        $from = Join-Path (Expand-Path $s.LogFile.Directory) "W3SVC$($s.Id)"
        $count += Copy-InWindow $from (Get-Filter $Source) (Split-Path (Resolve-Target $Source @{ id = $s.Id })) $Source.Name
    }
    "$count file(s)"
}

function Save-HttpErrLogs([hashtable] $Source) {
    # HTTP.sys writes into <ErrorLoggingDir>\HTTPERR; ErrorLoggingDir defaults to %SystemRoot%\System32\LogFiles.
    $base = Join-Path $env:SystemRoot 'System32\LogFiles'
    $param = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters' -ErrorAction SilentlyContinue
    if ($param -and $param.ErrorLoggingDir) { $base = Expand-Path $param.ErrorLoggingDir }
    $count = Copy-InWindow (Join-Path $base 'HTTPERR') (Get-Filter $Source) (Split-Path (Resolve-Target $Source)) $Source.Name
    "$count file(s) from $base\HTTPERR"
}

function Save-FailedRequestTraces([hashtable] $Source) {
    $count = 0
    foreach ($s in Get-CollectedSites) {
        $from = Join-Path (Expand-Path $s.TraceFailedRequestsLogging.Directory) "W3SVC$($s.Id)"
        $count += Copy-InWindow $from (Get-Filter $Source) (Split-Path (Resolve-Target $Source @{ id = $s.Id })) $Source.Name
    }
    "$count file(s)"
}

# wevtutil's XML export of the window's events from these providers (only these event ids, when given),
# wrapped in <Events> (/e).
function Save-Events([hashtable] $Source, [string] $Log, [string[]] $Providers, [int[]] $EventIds = @()) {
    $names = ($Providers | ForEach-Object { "@Name='$_'" }) -join ' or '
    $from = $Since.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
    $to = $Until.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
    $ids = ''
    if ($EventIds.Count -gt 0) { $ids = ' and (' + (($EventIds | ForEach-Object { "EventID=$_" }) -join ' or ') + ')' }
    $query = "*[System[Provider[$names]$ids and TimeCreated[@SystemTime>='$from' and @SystemTime<='$to']]]"
    $xml = & (Join-Path (Join-Path $env:windir $System32) 'wevtutil.exe') qe $Log "/q:$query" /f:xml /e:Events
    if ($LASTEXITCODE -ne 0) { throw "wevtutil qe $Log failed with exit code ${LASTEXITCODE}: $xml" }
    $text = ($xml -join "`r`n")
    if ($text -notmatch '<Events') { $text = '<Events></Events>' } # no matching event: still a valid export
    $file = Resolve-Target $Source
    $null = New-Item -ItemType Directory -Force -Path (Split-Path $file)
    [IO.File]::WriteAllText($file, $text, $Utf8)
    "$(([regex]::Matches($text, '<Event ')).Count) event(s)"
}

function Save-SystemEvents([hashtable] $Source) { Save-Events $Source 'System' $SystemProviders }

function Save-ApplicationEvents([hashtable] $Source) { Save-Events $Source 'Application' $ApplicationProviders }

# Failed logons only (4625: status, sub status, logon type, workstation, source address): they tell a
# 401.1's wrong password from the loopback check. The Security log's other events record users' sessions,
# which a case does not need.
function Save-SecurityEvents([hashtable] $Source) {
    Save-Events $Source 'Security' @('Microsoft-Windows-Security-Auditing') @(4625)
}

# Is this attribute a secret? Its name, or for a setting (<add key= value=>, <environmentVariable>) its
# label, says so; application settings are treated as secrets whatever their name.
function Test-SecretAttribute([System.Xml.XmlAttribute] $Attribute) {
    $name = $Attribute.LocalName
    $element = $Attribute.OwnerElement
    if ($NotSecret -contains $name) { return $false }
    if ($name -match $SecretName) { return $true }
    if ($name -ne 'value') { return $false }
    if ($element.LocalName -eq 'environmentVariable') { return $KeptVariables -notcontains $element.GetAttribute('name') }
    if ($element.ParentNode -and $element.ParentNode.LocalName -eq 'appSettings') { return $true }
    return ($element.GetAttribute('key') + ' ' + $element.GetAttribute('name')) -match $SecretName
}

# Removes secrets from a configuration document in place, keeping every element and attribute name (and
# every line, so line numbers in IIS errors still point at the right place): secret attribute values,
# the text of elements named like secrets and comments that mention one (a commented-out connection
# string) become [redacted], and encrypted sections lose their content.
function Protect-ConfigXml([xml] $Document) {
    foreach ($encrypted in @($Document.SelectNodes("//*[local-name()='EncryptedData']"))) {
        $lineBreaks = $encrypted.InnerXml.Split("`n").Count - 1
        foreach ($child in @($encrypted.ChildNodes)) { $null = $encrypted.RemoveChild($child) }
        $note = ' encrypted content removed by Collect-IisCase.ps1 ' + ("`r`n" * $lineBreaks)
        $null = $encrypted.AppendChild($Document.CreateComment($note))
    }
    foreach ($attribute in @($Document.SelectNodes('//@*'))) {
        if (Test-SecretAttribute $attribute) { $attribute.Value = $Redacted }
    }
    foreach ($element in @($Document.SelectNodes('//*'))) {
        if ($element.LocalName -match $SecretName -and $element.SelectNodes('*').Count -eq 0 -and $element.InnerText) {
            $element.InnerText = $Redacted
        }
    }
    foreach ($comment in @($Document.SelectNodes('//comment()'))) {
        if ($comment.Value -match $SecretName) {
            $comment.Value = " $Redacted " + ("`r`n" * ($comment.Value.Split("`n").Count - 1))
        }
    }
}

# Reads a configuration file, removes its secrets, and only then writes it into the case.
function Save-RedactedConfig([string] $From, [string] $To) {
    $document = New-Object System.Xml.XmlDocument
    $document.PreserveWhitespace = $true
    $settings = New-Object System.Xml.XmlReaderSettings
    $settings.DtdProcessing = [System.Xml.DtdProcessing]::Prohibit
    $reader = [System.Xml.XmlReader]::Create($From, $settings)
    try { $document.Load($reader) } finally { $reader.Close() }
    Protect-ConfigXml $document
    $null = New-Item -ItemType Directory -Force -Path (Split-Path $To)
    $writerSettings = New-Object System.Xml.XmlWriterSettings
    $writerSettings.Encoding = $Utf8
    $writer = [System.Xml.XmlWriter]::Create($To, $writerSettings)
    try { $document.Save($writer) } finally { $writer.Close() }
}

function Save-AppHostConfig([hashtable] $Source) {
    $folder = Join-Path $InetSrv 'config'
    # Shared configuration: redirection.config points at the folder really in use.
    $redirection = Join-Path $folder 'redirection.config'
    if (Test-Path -LiteralPath $redirection) {
        $node = ([xml] (Get-Content -LiteralPath $redirection -Raw)).SelectSingleNode('//configurationRedirection')
        if ($node -and $node.GetAttribute('enabled') -eq 'true') { $folder = Expand-Path $node.GetAttribute('path') }
    }
    Save-RedactedConfig (Join-Path $folder 'applicationHost.config') (Resolve-Target $Source)
    "from $folder, secrets removed"
}

function Save-WebConfigs([hashtable] $Source) {
    $count = 0
    foreach ($app in Get-CollectedApplications) {
        $file = Join-Path $app.PhysicalPath 'web.config'
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { continue }
        try {
            Save-RedactedConfig $file (Resolve-Target $Source @{ id = $app.SiteId; app = $app.Folder })
            $count++
        } catch {
            Write-CollectLog 'FAILED' "$($Source.Name): $file`: $($_.Exception.Message)"
        }
    }
    "$count file(s), secrets removed"
}

# ASP.NET Core Module stdout logs: <stdoutLogFile>_<time>_<pid>.log, stdoutLogFile relative to the app.
function Save-AncmStdoutLogs([hashtable] $Source) {
    $count = 0
    foreach ($app in Get-CollectedApplications) {
        $file = Join-Path $app.PhysicalPath 'web.config'
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { continue }
        try {
            $module = ([xml] (Get-Content -LiteralPath $file -Raw)).SelectSingleNode('//aspNetCore')
            if (-not $module -or -not $module.GetAttribute('stdoutLogFile')) { continue }
            $prefix = Expand-Path $module.GetAttribute('stdoutLogFile')
            if (-not [IO.Path]::IsPathRooted($prefix)) { $prefix = Join-Path $app.PhysicalPath $prefix }
            $to = Split-Path (Resolve-Target $Source @{ id = $app.SiteId; app = $app.Folder })
            $folder = Split-Path $prefix
            if (-not (Test-Path -LiteralPath $folder -PathType Container)) { continue }
            $logs = @(Get-ChildItem -LiteralPath $folder -Filter ((Split-Path $prefix -Leaf) + '*.log') -File |
                Where-Object { $_.LastWriteTime -ge $Since -and $_.CreationTime -le $Until })
            foreach ($log in $logs) {
                # iisdiag knows these logs by their stdout* name; a custom prefix gets it in front
                $name = if ($log.Name -like 'stdout*') { $log.Name } else { 'stdout_' + $log.Name }
                $null = New-Item -ItemType Directory -Force -Path $to
                Copy-Item -LiteralPath $log.FullName -Destination (Join-Path $to $name)
                $count++
            }
        } catch {
            Write-CollectLog 'FAILED' "$($Source.Name): $file`: $($_.Exception.Message)"
        }
    }
    "$count file(s)"
}

function ConvertTo-YamlText([string] $Text) { "'" + ($Text -replace "'", "''") + "'" }

# Is the Tracing role service (Failed Request Tracing) installed? $null when it cannot be told.
function Test-TracingInstalled {
    if (Test-Path -LiteralPath (Join-Path $InetSrv 'iisfreb.dll')) { return $true }
    try {
        if (Get-Command Get-WindowsFeature -ErrorAction SilentlyContinue) {
            return [bool] (Get-WindowsFeature -Name Web-Http-Tracing).Installed
        }
        return (Get-WindowsOptionalFeature -Online -FeatureName IIS-HttpTracing).State -eq 'Enabled'
    } catch {
        return $null
    }
}

# env.yaml from what the server reports. Application pools are listed as comments with their identity
# type only (never a user name or password); iisdiag reads pools from applicationHost.config.
function Save-EnvYaml([hashtable] $Source) {
    $yaml = New-Object System.Collections.Generic.List[string]
    $yaml.Add('# Written by Collect-IisCase.ps1 from what the server reports. Add by hand what it cannot know:')
    $yaml.Add('# server.internetFacing, applicationType, and under reported: what users see (see the iisdiag README).')
    $yaml.Add('server:')
    $yaml.Add('  name: ' + (ConvertTo-YamlText $env:COMPUTERNAME))
    $inetStp = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\InetStp' -ErrorAction SilentlyContinue
    if ($inetStp -and $null -ne $inetStp.MajorVersion) {
        $yaml.Add('  iisVersion: ' + (ConvertTo-YamlText ('{0}.{1}' -f $inetStp.MajorVersion, $inetStp.MinorVersion)))
    }
    $tracing = Test-TracingInstalled
    if ($null -ne $tracing) { $yaml.Add('  tracingInstalled: ' + ([string] $tracing).ToLowerInvariant()) }
    try {
        $apps = @(Get-CollectedApplications)
        $yaml.Add('sites:')
        foreach ($s in Get-CollectedSites) {
            $rootApp = $apps | Where-Object { $_.SiteId -eq $s.Id -and $_.Folder -eq 'ROOT' } | Select-Object -First 1
            $yaml.Add("  - id: $($s.Id)")
            $yaml.Add('    name: ' + (ConvertTo-YamlText $s.Name))
            if ($rootApp -and $rootApp.Pool) { $yaml.Add('    appPool: ' + (ConvertTo-YamlText $rootApp.Pool)) }
        }
        $yaml.Add('# application pools (identity type only):')
        foreach ($pool in (Get-ServerManager).ApplicationPools) {
            $yaml.Add("#   $($pool.Name): $($pool.ProcessModel.IdentityType)")
        }
    } catch {
        $yaml.Add('# sites: not known (' + $_.Exception.Message + ')')
        Write-CollectLog 'FAILED' "$($Source.Name): sites: $($_.Exception.Message)"
    }
    [IO.File]::WriteAllText((Resolve-Target $Source), ($yaml -join "`r`n") + "`r`n", $Utf8)
    'server facts written'
}

if ($Until -le $Since) { throw "-Until ($Until) must be after -Since ($Since)" }
if ((Test-Path -LiteralPath $Output) -and (Get-ChildItem -LiteralPath $Output -Force | Select-Object -First 1)) {
    throw "the output folder $Output is not empty; give a new one with -Output"
}
$null = New-Item -ItemType Directory -Force -Path $Output
$Output = (Resolve-Path -LiteralPath $Output).ProviderPath
$LogFile = Join-Path $Output 'collect.log'
[IO.File]::WriteAllText($LogFile, ('# Collect-IisCase.ps1 on {0}, window {1:yyyy-MM-ddTHH:mm:ssZ} to {2:yyyy-MM-ddTHH:mm:ssZ}, PowerShell {3}' -f
    $env:COMPUTERNAME, $Since.ToUniversalTime(), $Until.ToUniversalTime(), $PSVersionTable.PSVersion) + "`r`n", $Utf8)

# HTTP.sys keeps recent IIS log lines in memory for up to a minute: write them out first.
try {
    $null = & netsh.exe http flush logbuffer
    if ($LASTEXITCODE -ne 0) { throw "netsh exited with $LASTEXITCODE" }
    Write-CollectLog 'OK' 'FlushLogBuffer: HTTP.sys log buffers written'
} catch {
    Write-CollectLog 'FAILED' "FlushLogBuffer: $($_.Exception.Message)"
}

foreach ($source in $Sources) {
    try {
        $result = & $source.Collect $source
        Write-CollectLog 'OK' "$($source.Name): $result"
    } catch {
        Write-CollectLog 'FAILED' "$($source.Name): $($_.Exception.Message)"
    }
}

$zip = "$Output.zip"
Compress-Archive -Path (Join-Path $Output '*') -DestinationPath $zip -Force
Write-Host ''
Write-Host "Case collected: $zip"
Write-Host "On your desk: iisdiag diagnose $(Split-Path $zip -Leaf)"
