using System.Text;
using System.Text.Json;

namespace OciBackup.Emulator.Huawei;

/// <summary>What a Huawei operation answers: status and JSON body, and whether it changed something (faults after the work apply only then).</summary>
internal sealed class HuaweiResponse
{
    private HuaweiResponse(int status, byte[] body, bool performedWrite)
    {
        Status = status;
        Body = body;
        PerformedWrite = performedWrite;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public bool PerformedWrite { get; }

    public static HuaweiResponse Json(int status, Action<Utf8JsonWriter> write, bool performedWrite = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return new HuaweiResponse(status, stream.ToArray(), performedWrite);
    }

    /// <summary>VBS's error body: <c>{"error": {"code": "VBS.0001", "message": "..."}}</c>.</summary>
    public static HuaweiResponse VbsError(int status, string code, string message) => Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>RDS's and the API gateway's error body: <c>{"error_code": "DBS.280001", "error_msg": "..."}</c>.</summary>
    public static HuaweiResponse CodeError(int status, string code, string message, string? requestId = null) => Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error_code", code);
        w.WriteString("error_msg", message);
        if (requestId is not null)
        {
            w.WriteString("request_id", requestId);
        }

        w.WriteEndObject();
    });

    public override string ToString() => $"{Status} {Encoding.UTF8.GetString(Body)}";
}
