namespace OciBackup.Emulator.Api;

/// <summary>What an operation answers: a JSON body (none for 204), or an error, with the headers OCI adds.</summary>
internal sealed class ApiResponse
{
    private ApiResponse(int status, byte[] body, ApiError? error, string? etag, string? nextPage)
    {
        Status = status;
        Body = body;
        Error = error;
        ETag = etag;
        NextPage = nextPage;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public ApiError? Error { get; }

    public string? ETag { get; }

    public string? NextPage { get; }

    /// <summary>The <c>opc-work-request-id</c> header (CopyVolumeBackup).</summary>
    public string? WorkRequestId { get; init; }

    /// <summary>
    /// Set by writes that changed something (not a retry-token replay, not a refusal): a dropped response applies to
    /// them, since only then does the lost answer leave the client unsure whether its request took effect.
    /// </summary>
    public bool PerformedWrite { get; init; }

    public ApiResponse MarkedPerformed() => new(Status, Body, Error, ETag, NextPage) { WorkRequestId = WorkRequestId, PerformedWrite = true };

    public ApiResponse WithWorkRequest(string? workRequestId) =>
        new(Status, Body, Error, ETag, NextPage) { WorkRequestId = workRequestId, PerformedWrite = PerformedWrite };

    public static ApiResponse Ok(byte[] body, string? etag = null, string? nextPage = null) =>
        new(200, body, null, etag, nextPage);

    public static ApiResponse NoContent() => new(204, Array.Empty<byte>(), null, null, null);

    public static ApiResponse Fail(ApiError error) =>
        new(error.Status, ErrorJson.Serialize(error), error, null, null);

    public static implicit operator ApiResponse(ApiError error) => Fail(error);
}
