<#
.SYNOPSIS
    What the emulator adds to the module (bytes in out/OciBackup and in the Gallery package) and how long
    Start-OciEmulator takes, first in a fresh pwsh and then again in the same one.
.DESCRIPTION
    Run after a build (dotnet build OciBackup.sln -c Release), with the pinned pwsh:
        dotnet pwsh ./bench/EmulatorStart.ps1 -Trials 9
    Cold: the first Start-OciEmulator of a fresh pwsh (the module's own code is compiled on first use), one process per
    trial. Warm: later starts in one pwsh. Each is the time until the command returns: dotnet host found, process
    started, URL announced, inventory read and session built. Every emulator is stopped again.
#>
[CmdletBinding()]
param([int] $Trials = 9)

$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent $PSScriptRoot
$module = Join-Path $repo 'out/OciBackup'
$manifest = Join-Path $module 'OciBackup.psd1'
if (-not (Test-Path $manifest)) { throw "Build first: $manifest is missing (dotnet build OciBackup.sln -c Release)." }

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][Math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

# Size: the emulator's folder in the module, and its entries in the package (compressed).
$emulatorFiles = @(Get-ChildItem -LiteralPath (Join-Path $module 'emulator') -File)
$moduleBytes = (Get-ChildItem -LiteralPath $module -File -Recurse | Measure-Object Length -Sum).Sum
$version = (Import-PowerShellDataFile $manifest).ModuleVersion
$package = Join-Path $repo "out/packages/OciBackup.$version.nupkg"
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($package)
try {
    $entries = @($zip.Entries | Where-Object FullName -Like 'emulator/*')
    $packedBytes = ($entries | Measure-Object CompressedLength -Sum).Sum
}
finally {
    $zip.Dispose()
}

'Size'
'  emulator/ in the module folder: {0:N0} bytes in {1} files ({2}); the whole folder: {3:N0} bytes' -f `
    ($emulatorFiles | Measure-Object Length -Sum).Sum, $emulatorFiles.Count, ($emulatorFiles.Name -join ', '), $moduleBytes
'  emulator/ in {0}: {1:N0} bytes compressed; the whole package: {2:N0} bytes' -f (Split-Path -Leaf $package), $packedBytes, (Get-Item $package).Length

# Cold starts, one fresh pwsh each: the same pwsh that runs this script.
$pwsh = foreach ($name in 'pwsh', 'pwsh.exe') { $candidate = Join-Path $PSHOME $name; if (Test-Path -LiteralPath $candidate -PathType Leaf) { $candidate; break } }
$prefix = if ($pwsh) { @() } else { @((Join-Path $PSHOME 'pwsh.dll')) }
$exe = if ($pwsh) { $pwsh } else { 'dotnet' }
$probe = "Import-Module '$($manifest.Replace("'", "''"))'; `$s = [Diagnostics.Stopwatch]::StartNew(); `$e = Start-OciEmulator; `$ms = `$s.Elapsed.TotalMilliseconds; `$e | Stop-OciEmulator; `$ms"
$cold = foreach ($i in 1..$Trials) { [double] (& $exe @prefix -NoProfile -NonInteractive -Command $probe | Select-Object -Last 1) }

# Warm starts in this pwsh, after one start to compile the module's code.
Import-Module $manifest
Start-OciEmulator | Stop-OciEmulator
$warm = foreach ($i in 1..$Trials) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $emu = Start-OciEmulator
    $watch.Elapsed.TotalMilliseconds
    $emu | Stop-OciEmulator
}

''
"Start-OciEmulator, median of $Trials (min-max), $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion)"
'  first in a fresh pwsh: {0:N0} ms ({1:N0}-{2:N0})' -f (Get-Median $cold), ($cold | Measure-Object -Minimum).Minimum, ($cold | Measure-Object -Maximum).Maximum
'  again in the same pwsh: {0:N0} ms ({1:N0}-{2:N0})' -f (Get-Median $warm), ($warm | Measure-Object -Minimum).Minimum, ($warm | Measure-Object -Maximum).Maximum
