using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// A trusted public key, parsed once. RSA instances are not documented as safe for concurrent use, so each
/// request borrows one from a small pool instead of sharing one or parsing the key again.
/// </summary>
internal sealed class RsaPublicKey
{
    private readonly byte[] _subjectPublicKeyInfo;
    private readonly ConcurrentBag<RSA> _pool = new();

    public RsaPublicKey(byte[] subjectPublicKeyInfo)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        Fingerprint = KeyFingerprint.Of(subjectPublicKeyInfo);
        _pool.Add(Create(subjectPublicKeyInfo));
    }

    public string Fingerprint { get; }

    public byte[] SubjectPublicKeyInfo => _subjectPublicKeyInfo;

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!_pool.TryTake(out RSA? rsa))
        {
            rsa = Create(_subjectPublicKeyInfo);
        }

        try
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            _pool.Add(rsa);
        }
    }

    public static RsaPublicKey FromPem(string pem)
    {
        using RSA rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaPublicKey(rsa.ExportSubjectPublicKeyInfo());
    }

    private static RSA Create(byte[] subjectPublicKeyInfo)
    {
        RSA rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return rsa;
    }
}
