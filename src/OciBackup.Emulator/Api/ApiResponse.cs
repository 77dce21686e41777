namespace OciBackup.Emulator.Api;

/// <summary>What an operation answers: a JSON body, or an error, with the headers OCI adds.</summary>
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

    /// <summary>Set by creates that made a new resource (not a retry-token replay): a dropped response applies to them.</summary>
    public bool CreatedSomething { get; init; }

    public ApiResponse MarkedCreated() => new(Status, Body, Error, ETag, NextPage) { CreatedSomething = true };

    public static ApiResponse Ok(byte[] body, string? etag = null, string? nextPage = null) =>
        new(200, body, null, etag, nextPage);

    public static ApiResponse Fail(ApiError error) =>
        new(error.Status, ErrorJson.Serialize(error), error, null, null);

    public static implicit operator ApiResponse(ApiError error) => Fail(error);
}
