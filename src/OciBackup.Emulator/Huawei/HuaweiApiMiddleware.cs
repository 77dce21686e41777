using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using OciBackup.Emulator.Faults;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// Serves VBS or RDS on its listener in one pass, as Huawei's gateway and service would: request id, rate limit (429,
/// nothing done), latency, body, SDK-HMAC-SHA256 signature, injected 5xx (nothing done), the operation, then the faults
/// that strike after the work was done (a 500, or the connection cut with no response) and slow answers.
/// </summary>
internal sealed class HuaweiApiMiddleware
{
    public const string RequestIdHeader = "X-Request-Id";
    private const int MaxBodyBytes = 12 * 1024 * 1024;

    private readonly VbsApi _vbs;
    private readonly RdsApi _rds;
    private readonly HuaweiSignatureVerifier _verifier;
    private readonly FaultInjector _faults;
    private readonly EmulatorClock _clock;
    private readonly HuaweiStatistics _statistics;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public HuaweiApiMiddleware(VbsApi vbs, RdsApi rds, HuaweiSignatureVerifier verifier, FaultInjector faults, EmulatorClock clock, HuaweiStatistics statistics,
        ILogger logger, CancellationToken stopping)
    {
        _vbs = vbs;
        _rds = rds;
        _verifier = verifier;
        _faults = faults;
        _clock = clock;
        _statistics = statistics;
        _logger = logger;
        _stopping = stopping;
    }

    public async Task InvokeAsync(HttpContext context, HuaweiService service)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        _statistics.CountRequest();
        string requestId = Guid.NewGuid().ToString("N");
        response.Headers[RequestIdHeader] = requestId;

        FaultSettings faults = _faults.Current;
        if (_faults.IsRateLimited(faults, out int retryAfter))
        {
            _statistics.CountThrottled();
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(response, HuaweiResponse.CodeError(429, "APIGW.0308", "The throttling threshold has been reached.", requestId));
            return;
        }

        TimeSpan latency = _faults.Latency(faults);
        if (latency > TimeSpan.Zero && !await DelayAsync(latency, context.RequestAborted))
        {
            return;
        }

        byte[] body = Array.Empty<byte>();
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > MaxBodyBytes)
            {
                await WriteAsync(response, HuaweiResponse.CodeError(413, "APIGW.0201", "The request body is larger than 12 MB.", requestId));
                return;
            }

            body = buffer.ToArray();
        }

        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        HuaweiAuthenticationResult auth = _verifier.Verify(request.Method, rawTarget, request.Headers, body, _clock.UtcNow);
        if (!auth.Succeeded)
        {
            _statistics.CountAuthenticationFailure(auth.Failure.ToString());
            _logger.LogWarning("Huawei {Service}: 401 for {Method} {Path} (X-Request-Id {RequestId}): {Reason}: {Detail}",
                service, request.Method, request.Path.Value, requestId, auth.Failure, auth.Detail);
            await WriteAsync(response, HuaweiResponse.CodeError(401, "APIGW.0301", "Incorrect IAM authentication information: " + auth.Detail + ".", requestId));
            return;
        }

        _statistics.CountAuthenticated();
        if (_faults.ServerError(faults) is int status)
        {
            await WriteAsync(response, status == 500
                ? service == HuaweiService.Vbs ? HuaweiResponse.VbsError(500, "VBS.9999", "Internal error (injected by the emulator).") : HuaweiResponse.CodeError(500, "DBS.200001", "Internal error (injected by the emulator).")
                : HuaweiResponse.CodeError(503, "APIGW.0202", "The backend service is unavailable (injected by the emulator).", requestId));
            return;
        }

        string[] segments = (request.Path.Value ?? "").Trim('/').Split('/');
        string operation;
        HuaweiResponse result = service == HuaweiService.Vbs
            ? _vbs.Dispatch(request.Method, segments, request.Query, body, faults.FaultyBackupShare, out operation)
            : _rds.Dispatch(request.Method, segments, request.Query, body, faults.FaultyBackupShare, out operation);
        _statistics.CountOperation(operation);

        if (result.PerformedWrite && _faults.ErrorAfterWrite(faults))
        {
            _logger.LogInformation("Huawei {Operation} performed; answered 500 on purpose (X-Request-Id {RequestId})", operation, requestId);
            await WriteAsync(response, service == HuaweiService.Vbs
                ? HuaweiResponse.VbsError(500, "VBS.9999", "Internal error after the request was carried out (injected by the emulator).")
                : HuaweiResponse.CodeError(500, "DBS.200001", "Internal error after the request was carried out (injected by the emulator)."));
            return;
        }

        if (result.PerformedWrite && _faults.DropResponse(faults))
        {
            _logger.LogInformation("Huawei {Operation} performed; response dropped on purpose (X-Request-Id {RequestId})", operation, requestId);
            context.Abort();
            return;
        }

        TimeSpan slow = _faults.SlowResponse(faults);
        if (slow > TimeSpan.Zero && !await DelayAsync(slow, context.RequestAborted))
        {
            return;
        }

        await WriteAsync(response, result);
        _logger.LogDebug("Huawei {Service} {Method} {Path} -> {Status} {Operation} (X-Request-Id {RequestId})",
            service, request.Method, request.Path.Value, result.Status, operation, requestId);
    }

    private Task<bool> DelayAsync(TimeSpan delay, CancellationToken requestAborted) => _clock.TryDelayAsync(delay, requestAborted, _stopping);

    private static Task WriteAsync(HttpResponse response, HuaweiResponse result)
    {
        response.StatusCode = result.Status;
        response.ContentType = "application/json;charset=UTF-8";
        response.ContentLength = result.Body.Length;
        return response.Body.WriteAsync(result.Body, 0, result.Body.Length);
    }
}
