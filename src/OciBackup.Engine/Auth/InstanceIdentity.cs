using System;
using System.Collections.Generic;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.X509;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// What the metadata service says an instance is: its leaf certificate (the tenancy is in its subject, as
    /// <c>OU=opc-tenant:&lt;ocid&gt;</c>), the leaf's private key, and the intermediate certificates. The leaf key signs
    /// only the federation request. The certificates are public; the key is not and is never shown.
    /// </summary>
    internal sealed class InstanceIdentity : IDisposable
    {
        private InstanceIdentity(byte[] leafCertificate, RsaSigningKey leafKey, IReadOnlyList<byte[]> intermediates, string tenancyId, string sha1Fingerprint, string subject)
        {
            LeafCertificate = leafCertificate;
            LeafKey = leafKey;
            IntermediateCertificates = intermediates;
            TenancyId = tenancyId;
            Sha1Fingerprint = sha1Fingerprint;
            Subject = subject;
        }

        /// <summary>DER of the leaf certificate.</summary>
        public byte[] LeafCertificate { get; }

        public RsaSigningKey LeafKey { get; }

        /// <summary>DER of each intermediate certificate.</summary>
        public IReadOnlyList<byte[]> IntermediateCertificates { get; }

        public string TenancyId { get; }

        /// <summary>SHA-1 of the leaf certificate's DER, lower-case hex pairs joined by ':' (the .NET SDK's form).</summary>
        public string Sha1Fingerprint { get; }

        public string Subject { get; }

        /// <summary>The key id the federation request is signed with: <c>tenancy/fed-x509/sha1-fingerprint</c>.</summary>
        public string FederationKeyId => TenancyId + "/fed-x509/" + Sha1Fingerprint;

        /// <param name="source">Where the certificate came from, for messages.</param>
        public static InstanceIdentity Parse(string certificatePem, string keyPem, IEnumerable<string> intermediatePems, string source)
        {
            var leaf = ReadCertificate(certificatePem, source);
            var der = leaf.GetEncoded();
            var tenancy = TenancyOf(leaf);
            if (tenancy == null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.InstanceCertificateInvalid,
                    $"The instance's leaf certificate from {source} names no tenancy (no opc-tenant or opc-identity attribute in its subject '{leaf.SubjectDN}').",
                    "Instance principals need the certificate an OCI compute instance's metadata service issues; check that this is one.",
                    setting: InstanceMetadataClient.BaseUrlVariable);
            }

            var intermediates = new List<byte[]>();
            foreach (var pem in intermediatePems)
            {
                if (!string.IsNullOrWhiteSpace(pem))
                {
                    intermediates.Add(ReadCertificate(pem, source.Replace("cert.pem", "intermediate.pem")).GetEncoded());
                }
            }

            var key = PrivateKeyReader.Read(keyPem, null, source.Replace("cert.pem", "key.pem"));
            return new InstanceIdentity(der, key, intermediates, tenancy, Sha1Hex(der), leaf.SubjectDN.ToString());
        }

        public void Dispose() => LeafKey.Dispose();

        public override string ToString() => $"instance certificate {Sha1Fingerprint} of {TenancyId}";

        private static X509Certificate ReadCertificate(string pem, string source)
        {
            X509Certificate? certificate = null;
            try
            {
                certificate = new X509CertificateParser().ReadCertificate(Encoding.ASCII.GetBytes(pem ?? string.Empty));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Reported below, without the parser's words: they may quote the input.
            }

            return certificate ?? throw new OciConfigException(
                OciConfigErrorKind.InstanceCertificateInvalid,
                $"{source} did not return a PEM X.509 certificate.",
                "Check that OCI_METADATA_BASE_URL (if set) names an OCI instance metadata service.",
                setting: InstanceMetadataClient.BaseUrlVariable);
        }

        private static string? TenancyOf(X509Certificate certificate)
        {
            foreach (var value in certificate.SubjectDN.GetValueList())
            {
                foreach (var prefix in new[] { "opc-tenant:", "opc-identity:" })
                {
                    if (value.StartsWith(prefix, StringComparison.Ordinal) && value.Length > prefix.Length)
                    {
                        return value.Substring(prefix.Length).Trim();
                    }
                }
            }

            return null;
        }

        private static string Sha1Hex(byte[] der)
        {
            var sha1 = new Sha1Digest();
            sha1.BlockUpdate(der, 0, der.Length);
            var hash = new byte[sha1.GetDigestSize()];
            sha1.DoFinal(hash, 0);
            var builder = new StringBuilder(hash.Length * 3);
            for (var i = 0; i < hash.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(':');
                }

                builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
