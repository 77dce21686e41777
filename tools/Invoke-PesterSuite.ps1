<#
.SYNOPSIS
    Runs tests/pester with the Pester the build restored, in this (fresh) pwsh, and writes a summary of Pester's
    result object for build.ps1 to judge.
.DESCRIPTION
    build.ps1 -Task Test starts this script in a pwsh process of its own, so the module under test, the emulators
    the tests start and Pester itself never live in the build's own session. The summary is read from Pester's
    result object (Result, counts, failed blocks and containers), never from an exit code alone.
#>
[CmdletBinding()]
param(
    # Folders of *.Tests.ps1 files, separated by the platform's path separator (';' on Windows, ':' elsewhere).
    [Parameter(Mandatory)] [string] $TestPath,
    # Folders to put first on PSModulePath, separated likewise.
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultFolder,
    [Parameter(Mandatory)] [string] $SummaryFile,
    [string] $PesterVersion = '5.9.1'
)

$ErrorActionPreference = 'Stop'
# out/modules first, so this Pester wins over any other the machine has; out/ next, so that a test file written as a
# user writes it (Import-Module OciBackup, as samples/Backup-Compartment.Tests.ps1 does) gets the module just built.
$env:PSModulePath = $ModulePath + [System.IO.Path]::PathSeparator + $env:PSModulePath
Import-Module Pester -RequiredVersion $PesterVersion

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath.Split([System.IO.Path]::PathSeparator)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultFolder 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

$summary = [ordered]@{
    PesterVersion         = (Get-Module Pester).Version.ToString()
    PowerShellVersion     = $PSVersionTable.PSVersion.ToString()
    Result                = $result.Result
    TotalCount            = $result.TotalCount
    PassedCount           = $result.PassedCount
    FailedCount           = $result.FailedCount
    SkippedCount          = $result.SkippedCount
    NotRunCount           = $result.NotRunCount
    InconclusiveCount     = $result.InconclusiveCount
    FailedBlocksCount     = $result.FailedBlocksCount
    FailedContainersCount = $result.FailedContainersCount
    FailedTests           = @($result.Failed | ForEach-Object { $_.ExpandedPath })
    FailedBlocks          = @($result.FailedBlocks | ForEach-Object { $_.ExpandedPath })
    FailedContainers      = @($result.FailedContainers | ForEach-Object { "$($_.Item)" })
}
$summary | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $SummaryFile -Encoding utf8
Write-Host "Pester $($summary.PesterVersion) on PowerShell $($summary.PowerShellVersion): $($result.Result), $($result.PassedCount) passed, $($result.FailedCount) failed"
