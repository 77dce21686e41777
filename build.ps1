<#
.SYNOPSIS
    Builds, documents, tests and packages OciBackup.
.DESCRIPTION
    Run it with the PowerShell this repository pins (.config/dotnet-tools.json), which needs nothing but the .NET SDK:
        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
    Any pwsh 7.4 or later runs it too.

    Build   - dotnet build OciBackup.sln -c Release: leaves the importable module in out/OciBackup, with its MAML
              help and about topic in out/OciBackup/en-US (compiled from docs/help by tools/ModuleBuilder), its
              PowerShell Gallery package in out/packages, and the test modules (Pester) in out/modules.
    Help    - With PlatyPS installed, recompiles docs/help with New-ExternalHelp into out/OciBackup/en-US (the
              build's own compiler needs no PlatyPS; this is the reference implementation of the same schema).
    Test    - Builds, then runs every suite and judges each by its own results, not by an exit code alone:
                xunit          dotnet test (engine, emulator, hosted-engine tests), counted from their TRX files
                Pester         tests/pester and samples/*.Tests.ps1 in a fresh pwsh with the restored Pester 5.9.1, judged
                               by its result object
                TypeScriptSdk  Oracle's TypeScript SDK against the emulator (needs bash, Node.js and npm)
              Ends with one line: "tests: N passed, M failed". Fails when a suite fails, has a failed or skipped
              test, a failed setup block, or runs no test at all. This is the README's test command, and what CI runs.
    Package - Build, then (re)packs out/OciBackup as out/packages/OciBackup.VERSION.nupkg. Publish it with:
              Publish-PSResource -NupkgPath out/packages/OciBackup.VERSION.nupkg -Repository PSGallery -ApiKey ...
.PARAMETER Suite
    With -Task Test: the suites to run (default: all of them).
.PARAMETER NoBuild
    With -Task Test: use what the last build left instead of building first.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Test -Suite Pester -NoBuild
#>
[CmdletBinding()]
param(
    # Also "Build,Test" as one word: pwsh -File passes a comma-separated list as a single string.
    [ArgumentCompleter({ 'Build', 'Help', 'Test', 'Package' })]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [ArgumentCompleter({ 'xunit', 'Pester', 'TypeScriptSdk' })]
    [string[]] $Suite = @('xunit', 'Pester', 'TypeScriptSdk'),

    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
function Split-List {
    param([string[]] $Value, [string[]] $Allowed, [string] $Name)
    $items = @($Value | ForEach-Object { $_ -split ',' } | ForEach-Object Trim | Where-Object { $_ })
    foreach ($item in $items) {
        if ($Allowed -notcontains $item) { throw "-$Name '$item' is not one of: $($Allowed -join ', ')." }
    }
    # The spelling of the allowed list, whatever the case typed.
    $items | ForEach-Object { $i = $_; $Allowed | Where-Object { $_ -eq $i } }
}
$Task = Split-List $Task @('Build', 'Help', 'Test', 'Package') 'Task'
$Suite = Split-List $Suite @('xunit', 'Pester', 'TypeScriptSdk') 'Suite'
Set-Location -LiteralPath $PSScriptRoot
$moduleFolder = Join-Path $PSScriptRoot 'out/OciBackup'
$packageFolder = Join-Path $PSScriptRoot 'out/packages'
$resultsFolder = Join-Path $PSScriptRoot 'out/test-results'
$built = $false

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    if (-not $script:built) {
        Invoke-Dotnet build OciBackup.sln -c $Configuration
        $script:built = $true
    }
}

# One suite's outcome. Problems are reasons the suite failed besides failed tests (a crash, a failed setup block, no
# test at all); a suite passes only with tests, no failed or skipped test and no problem.
function New-SuiteResult {
    param([string] $Name, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0, [string[]] $Problems = @(), [string[]] $FailedTests = @())
    $all = [System.Collections.Generic.List[string]]::new()
    foreach ($p in $Problems) { if ($p) { $all.Add($p) } }
    if ($Passed + $Failed -eq 0 -and $all.Count -eq 0) { $all.Add('no test ran') }
    if ($Skipped -gt 0) { $all.Add("$Skipped test(s) skipped or not run") }
    [pscustomobject]@{
        Suite       = $Name
        Passed      = $Passed
        Failed      = $Failed
        Skipped     = $Skipped
        Ok          = ($Failed -eq 0 -and $all.Count -eq 0)
        Problems    = $all.ToArray()
        FailedTests = $FailedTests
    }
}

# The pwsh running this script, started again as a child process: `dotnet pwsh` runs pwsh.dll through the dotnet
# host, an installed pwsh is its own executable.
function Get-PwshCommand {
    foreach ($name in 'pwsh', 'pwsh.exe') {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return , @($candidate) }
    }

    $dll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path -LiteralPath $dll) { return , @('dotnet', $dll) }
    throw "Cannot find pwsh in $PSHOME."
}

function Invoke-XunitSuite {
    $folder = Join-Path $resultsFolder 'xunit'
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    & dotnet test OciBackup.sln -c $Configuration --no-build --logger trx --results-directory $folder | Out-Host
    $exitCode = $LASTEXITCODE

    $passed = 0; $failed = 0; $skipped = 0
    $failedTests = [System.Collections.Generic.List[string]]::new()
    $trxFiles = @(Get-ChildItem -LiteralPath $folder -Filter *.trx -ErrorAction SilentlyContinue)
    foreach ($trx in $trxFiles) {
        [xml] $doc = Get-Content -Raw -LiteralPath $trx.FullName
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
        foreach ($result in @($doc.TestRun.Results.UnitTestResult | Where-Object outcome -EQ 'Failed')) {
            $failedTests.Add($result.testName)
        }
    }

    $problems = @()
    if ($exitCode -ne 0 -and $failed -eq 0) { $problems += "dotnet test exited with $exitCode" }
    if ($trxFiles.Count -eq 0) { $problems += 'no TRX result file was written' }
    New-SuiteResult -Name 'xunit' -Passed $passed -Failed $failed -Skipped $skipped -Problems $problems -FailedTests $failedTests
}

function Invoke-PesterSuite {
    $summaryFile = Join-Path $resultsFolder 'pester-summary.json'
    New-Item -ItemType Directory -Path $resultsFolder -Force | Out-Null
    Remove-Item -LiteralPath $summaryFile -Force -ErrorAction SilentlyContinue
    $pwsh = Get-PwshCommand
    $runner = Join-Path $PSScriptRoot 'tools/Invoke-PesterSuite.ps1'
    $arguments = @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-TestPath', ((Join-Path $PSScriptRoot 'tests/pester'), (Join-Path $PSScriptRoot 'samples') -join [System.IO.Path]::PathSeparator),
        '-ModulePath', ((Join-Path $PSScriptRoot 'out/modules'), (Join-Path $PSScriptRoot 'out') -join [System.IO.Path]::PathSeparator),
        '-ResultFolder', $resultsFolder,
        '-SummaryFile', $summaryFile)
    if ($pwsh.Count -gt 1) { & $pwsh[0] $pwsh[1] @arguments | Out-Host } else { & $pwsh[0] @arguments | Out-Host }
    $exitCode = $LASTEXITCODE

    if (-not (Test-Path -LiteralPath $summaryFile)) {
        return New-SuiteResult -Name 'Pester' -Problems "Pester did not finish (pwsh exited with $exitCode and wrote no result)"
    }

    $summary = Get-Content -Raw -LiteralPath $summaryFile | ConvertFrom-Json
    $problems = @()
    if ($summary.Result -ne 'Passed') { $problems += "Pester's result is $($summary.Result)" }
    if ($summary.FailedBlocksCount -gt 0) { $problems += "$($summary.FailedBlocksCount) BeforeAll/AfterAll block(s) failed: $($summary.FailedBlocks -join '; ')" }
    if ($summary.FailedContainersCount -gt 0) { $problems += "$($summary.FailedContainersCount) test file(s) failed to run: $($summary.FailedContainers -join '; ')" }
    New-SuiteResult -Name 'Pester' -Passed $summary.PassedCount -Failed $summary.FailedCount `
        -Skipped ($summary.SkippedCount + $summary.NotRunCount + $summary.InconclusiveCount) -Problems $problems -FailedTests @($summary.FailedTests)
}

function Invoke-TypeScriptSdkSuite {
    $bash = Get-Command bash -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $bash -or -not $node) {
        return New-SuiteResult -Name 'TypeScriptSdk' -Problems 'needs bash, Node.js and npm on PATH (or leave it out: -Suite xunit, Pester)'
    }

    $lines = [System.Collections.Generic.List[string]]::new()
    & $bash.Source (Join-Path $PSScriptRoot 'tests/typescript-sdk/run.sh') 2>&1 | ForEach-Object {
        $line = "$_"
        $lines.Add($line)
        Write-Host $line
    }
    $exitCode = $LASTEXITCODE

    # check.js ends with "TypeScript SDK check: N passed, M failed".
    $summary = $lines | Select-String -Pattern '^TypeScript SDK check: (\d+) passed, (\d+) failed' | Select-Object -Last 1
    if (-not $summary) {
        return New-SuiteResult -Name 'TypeScriptSdk' -Problems "the check did not report its results (exit code $exitCode)"
    }

    $problems = @()
    if ($exitCode -ne 0) { $problems += "run.sh exited with $exitCode" }
    $failedChecks = @($lines | Where-Object { $_ -like 'FAILED: *' })
    New-SuiteResult -Name 'TypeScriptSdk' -Passed ([int] $summary.Matches[0].Groups[1].Value) -Failed ([int] $summary.Matches[0].Groups[2].Value) -Problems $problems -FailedTests $failedChecks
}

function Write-TestSummary {
    param([object[]] $Results)
    Write-Host ''
    Write-Host '== test suites'
    foreach ($r in $Results) {
        $verdict = if ($r.Ok) { 'ok    ' } else { 'FAILED' }
        Write-Host ("{0} {1,-14} {2,5} passed {3,4} failed {4,4} skipped" -f $verdict, $r.Suite, $r.Passed, $r.Failed, $r.Skipped)
        foreach ($p in $r.Problems) { Write-Host "         $p" }
        foreach ($t in $r.FailedTests | Select-Object -First 20) { Write-Host "         failed: $t" }
    }

    $passed = ($Results | Measure-Object -Property Passed -Sum).Sum
    $failed = ($Results | Measure-Object -Property Failed -Sum).Sum
    # A suite that failed without a failed test (it crashed, or ran nothing) counts as one failure, so the line
    # never reads "0 failed" for a run that did not pass.
    $failed += @($Results | Where-Object { -not $_.Ok -and $_.Failed -eq 0 }).Count
    Write-Host "tests: $passed passed, $failed failed"
    return ($failed -eq 0 -and $passed -gt 0)
}

$exitCode = 0
foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Build
            Write-Host "Module folder: $moduleFolder"
        }
        'Help' {
            $platyPS = Get-Module -ListAvailable platyPS | Sort-Object Version -Descending | Select-Object -First 1
            if (-not $platyPS) {
                Write-Warning 'PlatyPS is not installed (Install-Module platyPS): keeping the help the build compiled with tools/ModuleBuilder.'
                break
            }
            Import-Module $platyPS
            $culture = Join-Path $moduleFolder 'en-US'
            New-ExternalHelp -Path (Join-Path $PSScriptRoot 'docs/help') -OutputPath $culture -Force | ForEach-Object { Write-Host "Help: $($_.FullName)" }
        }
        'Test' {
            if (-not $NoBuild) { Invoke-Build }
            $results = foreach ($name in $Suite) {
                Write-Host "== $name"
                switch ($name) {
                    'xunit' { Invoke-XunitSuite }
                    'Pester' { Invoke-PesterSuite }
                    'TypeScriptSdk' { Invoke-TypeScriptSdkSuite }
                }
            }
            if (-not (Write-TestSummary -Results @($results))) { $exitCode = 1 }
        }
        'Package' {
            Invoke-Build
            Invoke-Dotnet run --project tools/ModuleBuilder -c Release --no-build -- package --module-folder $moduleFolder --output $packageFolder
            Get-ChildItem $packageFolder -Filter *.nupkg
        }
    }
}

exit $exitCode
