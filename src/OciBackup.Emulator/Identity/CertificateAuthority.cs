using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciBackup.Emulator.Identity;

/// <summary>
/// A generated PKI standing in for OCI's instance identity: a root CA, an intermediate CA, and the instance's leaf
/// certificate (subject <c>CN=&lt;instance&gt;, OU=opc-certtype:instance, OU=opc-compartment:…, OU=opc-instance:…,
/// OU=opc-tenant:…</c>, as Oracle's SDK fixtures show), which rotates. Stricter than OCI on purpose: only the current
/// leaf is accepted by the federation endpoint, so a client that does not fetch the rotated one is caught.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _intermediate;
    private readonly RSA _intermediateKey;
    private readonly Func<DateTimeOffset> _now;
    private readonly object _gate = new();
    private Leaf _leaf;

    public CertificateAuthority(string tenancyId, string instanceId, string compartmentId, Func<DateTimeOffset> now)
    {
        TenancyId = tenancyId;
        InstanceId = instanceId;
        CompartmentId = compartmentId;
        _now = now;
        DateTimeOffset start = now().AddDays(-1);

        using RSA rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=OciBackup Emulator Root CA, O=OciBackup emulator", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _root = rootRequest.CreateSelfSigned(start, start.AddYears(10));

        _intermediateKey = RSA.Create(2048);
        var intermediateRequest = new CertificateRequest("CN=OciBackup Emulator Intermediate CA, O=OciBackup emulator", _intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 signedIntermediate = intermediateRequest.Create(_root, start, start.AddYears(5), RandomNumberGenerator.GetBytes(12));
        _intermediate = X509CertificateLoader.LoadCertificate(signedIntermediate.RawData);
        _leaf = NewLeaf(1);
    }

    public string TenancyId { get; }

    public string InstanceId { get; }

    public string CompartmentId { get; }

    public string IntermediatePem => _intermediate.ExportCertificatePem() + "\n";

    /// <summary>The current leaf certificate, its private key (PKCS#1 PEM, as the metadata service serves it) and its generation.</summary>
    public Leaf CurrentLeaf
    {
        get
        {
            lock (_gate)
            {
                return _leaf;
            }
        }
    }

    /// <summary>Replaces the leaf certificate and key; the old one is refused from now on.</summary>
    public Leaf RotateLeaf()
    {
        lock (_gate)
        {
            _leaf = NewLeaf(_leaf.Generation + 1);
            return _leaf;
        }
    }

    /// <summary>Why a certificate presented to the federation endpoint is refused, or null when it is the current leaf, validly issued.</summary>
    public string? Problem(X509Certificate2 certificate)
    {
        Leaf current = CurrentLeaf;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_root);
        chain.ChainPolicy.ExtraStore.Add(_intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _now().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(certificate))
        {
            return "certificate not issued by the emulator's CA or not valid now: "
                + string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()));
        }

        if (!certificate.RawData.AsSpan().SequenceEqual(current.Certificate.RawData))
        {
            return "certificate superseded by a rotated leaf (generation " + current.Generation + ")";
        }

        return null;
    }

    public void Dispose()
    {
        _root.Dispose();
        _intermediate.Dispose();
        _intermediateKey.Dispose();
    }

    private Leaf NewLeaf(int generation)
    {
        using RSA key = RSA.Create(2048);
        var subject = new X500DistinguishedName(
            $"CN={InstanceId}, OU=opc-certtype:instance, OU=opc-compartment:{CompartmentId}, OU=opc-instance:{InstanceId}, OU=opc-tenant:{TenancyId}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        DateTimeOffset now = _now();
        using X509Certificate2 signed = request.Create(_intermediate.SubjectName, X509SignatureGenerator.CreateForRSA(_intermediateKey, RSASignaturePadding.Pkcs1),
            now.AddMinutes(-5), now.AddDays(30), RandomNumberGenerator.GetBytes(12));
        X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(signed.RawData);
        return new Leaf(generation, certificate, certificate.ExportCertificatePem() + "\n", key.ExportRSAPrivateKeyPem() + "\n");
    }

    /// <summary>One leaf certificate and its key. <see cref="KeyPem"/> is a secret the metadata service hands the instance.</summary>
    internal sealed record Leaf(int Generation, X509Certificate2 Certificate, string CertificatePem, string KeyPem)
    {
        public string Sha1Fingerprint => Colons(SHA1.HashData(Certificate.RawData));

        public string Sha256Fingerprint => Colons(SHA256.HashData(Certificate.RawData));

        private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
