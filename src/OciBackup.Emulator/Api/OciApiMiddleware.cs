using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Auth;
using OciBackup.Emulator.Faults;
using OciBackup.Emulator.Regions;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Api;

/// <summary>
/// Serves everything under /20160918 in one thin pass (no MVC): request id, rate limit, latency, body, signature,
/// injected server errors, the region of the listener the request came in on, dispatch (Core and Identity alike, by
/// path), dropped or slow responses. The signature is checked against the raw request
/// target as it came on the wire (IHttpRequestFeature.RawTarget), never a decoded or re-encoded path.
/// </summary>
internal sealed class OciApiMiddleware
{
    public const string ApiVersionPath = "/20160918";
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly BackupOperations _backups;
    private readonly VolumeOperations _volumes;
    private readonly IdentityOperations _identity;
    private readonly RegionListeners _listeners;
    private readonly SignatureVerifier _verifier;
    private readonly FaultInjector _faults;
    private readonly EmulatorClock _clock;
    private readonly EmulatorStatistics _statistics;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly string _requestIdPrefix = Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 8);
    private long _requestIdCounter;

    public OciApiMiddleware(BackupOperations backups, VolumeOperations volumes, IdentityOperations identity, RegionListeners listeners,
        SignatureVerifier verifier, FaultInjector faults, EmulatorClock clock, EmulatorStatistics statistics, ILogger logger, CancellationToken stopping)
    {
        _stopping = stopping;
        _backups = backups;
        _volumes = volumes;
        _identity = identity;
        _listeners = listeners;
        _verifier = verifier;
        _faults = faults;
        _clock = clock;
        _statistics = statistics;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        long started = Stopwatch.GetTimestamp();
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        _statistics.CountRequest();

        string requestId = request.Headers["opc-request-id"] is { Count: > 0 } sent && !string.IsNullOrEmpty(sent[0])
            ? sent[0]!
            : _requestIdPrefix + "/" + Interlocked.Increment(ref _requestIdCounter).ToString("X8", CultureInfo.InvariantCulture);
        response.Headers["opc-request-id"] = requestId;

        FaultSettings faults = _faults.Current;
        if (_faults.IsRateLimited(faults, out int retryAfter))
        {
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(response, new ApiError(429, "TooManyRequests", "Too many requests for the tenancy; retry after the Retry-After interval."));
            return;
        }

        TimeSpan latency = _faults.Latency(faults);
        if (latency > TimeSpan.Zero && !await DelayAsync(latency, context.RequestAborted))
        {
            return;
        }

        string method = request.Method;
        bool hasBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        byte[] body = Array.Empty<byte>();
        if (hasBody)
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                await WriteAsync(response, new ApiError(400, "LimitExceeded", "The request body is larger than 1 MiB."));
                return;
            }

            body = await ReadBodyAsync(request, context.RequestAborted);
            if (body.Length > MaxBodyBytes)
            {
                await WriteAsync(response, new ApiError(400, "LimitExceeded", "The request body is larger than 1 MiB."));
                return;
            }
        }

        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        DateTimeOffset now = _clock.UtcNow;
        AuthenticationResult auth = _verifier.Verify(method, rawTarget, request.Headers, body, now);
        if (!auth.Succeeded)
        {
            string reason = auth.Failure.ToString();
            _statistics.CountAuthenticationFailure(reason);
            if (auth.Failure == AuthenticationFailure.DateOutOfRange && faults.ClockSkewSeconds != 0)
            {
                _faults.CountClockSkewRejection();
            }

            _logger.LogWarning("401 NotAuthenticated for {Method} {Path} (opc-request-id {RequestId}): {Reason}: {Detail}",
                method, request.Path.Value, requestId, reason, auth.Detail);
            await WriteAsync(response, ApiError.NotAuthenticated());
            return;
        }

        _statistics.CountAuthenticated();
        int? serverError = _faults.ServerError(faults);
        if (serverError is int status)
        {
            await WriteAsync(response, status == 500
                ? new ApiError(500, "InternalServerError", "Internal error (injected by the emulator).")
                : new ApiError(503, "ServiceUnavailable", "Service unavailable (injected by the emulator)."));
            return;
        }

        int regionIndex = _listeners.IndexOf(context);
        string region = _listeners.Regions[regionIndex];
        string operation = Dispatch(request, region, body, faults, out ApiResponse result);
        _statistics.CountOperation(operation, regionIndex);

        if (result.PerformedWrite && _faults.DropResponse(faults))
        {
            _logger.LogInformation("{Operation} performed; response dropped on purpose (opc-request-id {RequestId})", operation, requestId);
            context.Abort();
            return;
        }

        if (result.PerformedWrite && _faults.ErrorAfterWrite(faults))
        {
            _logger.LogInformation("{Operation} performed; answered 500 on purpose (opc-request-id {RequestId})", operation, requestId);
            await WriteAsync(response, new ApiError(500, "InternalServerError", "Internal error after the request was carried out (injected by the emulator)."));
            return;
        }

        TimeSpan slow = _faults.SlowResponse(faults);
        if (slow > TimeSpan.Zero && !await DelayAsync(slow, context.RequestAborted))
        {
            return; // the client gave up (as a slow response intends) or the emulator is stopping
        }

        await WriteAsync(response, result);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // The query too: a list's filters and its page token tell a first page from a further one.
            _logger.LogDebug("{Region} {Method} {Path}{Query} -> {Status} {Operation} in {Elapsed:0.0} ms (opc-request-id {RequestId})",
                region, method, request.Path.Value, request.QueryString.Value, result.Status, operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
        }
    }

    private Task<bool> DelayAsync(TimeSpan delay, CancellationToken requestAborted) => _clock.TryDelayAsync(delay, requestAborted, _stopping);

    /// <summary>
    /// Routes by path and method. A write checks, in order, its retry token, its body (a 400 changes nothing), then the
    /// injected 409, and only then is performed; a delete has no token or body.
    /// </summary>
    private string Dispatch(HttpRequest request, string region, byte[] body, FaultSettings faults, out ApiResponse result)
    {
        ApiPath path = ApiPath.Parse(request.Path.Value);
        string operation = path.Operation(request.Method);
        IQueryCollection query = request.Query;
        string? id = path.Id;
        result = operation switch
        {
            "ListVolumeBackups" => _backups.ListVolumeBackups(region, query),
            "GetVolumeBackup" => _backups.GetVolumeBackup(region, id!),
            "CreateVolumeBackup" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseVolumeBackup(body, out var backup)
                ?? Injected409(faults) ?? _backups.CreateVolumeBackup(region, backup!, token),
            "CopyVolumeBackup" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseCopy(body, operation, id!, out var copy)
                ?? Injected409(faults) ?? _backups.CopyVolumeBackup(region, id!, copy!, token),
            "DeleteVolumeBackup" => Injected409(faults) ?? _backups.DeleteVolumeBackup(region, id!, IfMatch(request)),
            "ListVolumeGroupBackups" => _backups.ListVolumeGroupBackups(region, query),
            "GetVolumeGroupBackup" => _backups.GetVolumeGroupBackup(region, id!),
            "CreateVolumeGroupBackup" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseVolumeGroupBackup(body, out var groupBackup)
                ?? Injected409(faults) ?? _backups.CreateVolumeGroupBackup(region, groupBackup!, token),
            "CopyVolumeGroupBackup" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseCopy(body, operation, id!, out var copy)
                ?? Injected409(faults) ?? _backups.CopyVolumeGroupBackup(region, id!, copy!, token),
            "DeleteVolumeGroupBackup" => Injected409(faults) ?? _backups.DeleteVolumeGroupBackup(region, id!, IfMatch(request)),
            "ListVolumes" => _volumes.ListVolumes(region, query),
            "GetVolume" => _volumes.GetVolume(region, id!),
            "CreateVolume" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseCreateVolume(body, out var volume)
                ?? Injected409(faults) ?? _volumes.CreateVolume(region, volume!, token),
            "ListVolumeGroups" => _volumes.ListVolumeGroups(region, query),
            "GetVolumeGroup" => _volumes.GetVolumeGroup(region, id!),
            "CreateVolumeGroup" => RetryToken(request, out string? token) ?? CreateDetailsParser.ParseCreateVolumeGroup(body, out var group)
                ?? Injected409(faults) ?? _volumes.CreateVolumeGroup(region, group!, token),
            "GetWorkRequest" => _backups.GetWorkRequest(region, id!),
            "ListCompartments" => _identity.ListCompartments(query),
            "ListAvailabilityDomains" => _identity.ListAvailabilityDomains(region, query),
            _ => NotImplemented(request),
        };
        return operation;
    }

    /// <summary>The opc-retry-token (null when absent); 400 when it is outside 1–64 characters.</summary>
    private static ApiError? RetryToken(HttpRequest request, out string? retryToken)
    {
        retryToken = null;
        if (request.Headers.TryGetValue("opc-retry-token", out var tokens) && tokens.Count > 0)
        {
            retryToken = tokens[0] ?? "";
            if (retryToken.Length < 1 || retryToken.Length > 64)
            {
                return ApiError.InvalidParameter("opc-retry-token", "length must be between 1 and 64.");
            }
        }

        return null;
    }

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.TryGetValue("if-match", out var values) && values.Count > 0 ? values[0] : null;

    private ApiError? Injected409(FaultSettings faults) => _faults.IncorrectState(faults) ? IncorrectState() : null;

    private static ApiError IncorrectState() =>
        new(409, "IncorrectState", "The resource is in a state that does not allow this operation now (injected by the emulator); retry later.");

    private static ApiError NotImplemented(HttpRequest request) =>
        new(404, "NotAuthorizedOrNotFound", $"{ApiError.NotFoundMessage} (The emulator does not serve {request.Method} {request.Path.Value}.)");

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long length)
        {
            if (length == 0)
            {
                return Array.Empty<byte>();
            }

            byte[] buffer = new byte[length];
            await request.Body.ReadExactlyAsync(buffer, cancellationToken);
            return buffer;
        }

        using var stream = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                stream.Write(chunk, 0, read);
                if (stream.Length > MaxBodyBytes)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return stream.ToArray();
    }

    internal static Task WriteAsync(HttpResponse response, ApiResponse result)
    {
        response.StatusCode = result.Status;
        if (result.WorkRequestId is not null)
        {
            response.Headers["opc-work-request-id"] = result.WorkRequestId;
        }

        if (result.Status == StatusCodes.Status204NoContent)
        {
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        if (result.ETag is not null)
        {
            response.Headers.ETag = result.ETag;
        }

        if (result.NextPage is not null)
        {
            response.Headers["opc-next-page"] = result.NextPage;
        }

        response.ContentLength = result.Body.Length;
        return response.Body.WriteAsync(result.Body, 0, result.Body.Length);
    }

    internal static Task WriteAsync(HttpResponse response, ApiError error) => WriteAsync(response, ApiResponse.Fail(error));
}
