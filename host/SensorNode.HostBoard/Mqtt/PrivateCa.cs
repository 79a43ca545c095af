using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SensorNode.HostBoard.Mqtt
{
    /// <summary>
    /// A broker's own certificate authority, the host twin of the device's ca.pem: the broker's certificate must
    /// chain to this CA (the only trust anchor; the machine's trusted roots do not count) and name the host
    /// connected to.
    /// </summary>
    public sealed class PrivateCa
    {
        private PrivateCa(X509Certificate2 certificate, string path)
        {
            Certificate = certificate;
            Path = path;
        }

        public X509Certificate2 Certificate { get; }

        /// <summary>Where it was read from, for messages.</summary>
        public string Path { get; }

        /// <summary>Reads a PEM certificate; throws <see cref="ArgumentException"/> saying what is wrong with the file.</summary>
        public static PrivateCa Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new ArgumentException("cannot read '" + path + "': " + ex.Message);
            }

            if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                throw new ArgumentException("'" + path + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }

            try
            {
                return new PrivateCa(X509Certificate2.CreateFromPem(text), path);
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException("'" + path + "' is not a readable PEM certificate: " + ex.Message);
            }
        }

        /// <summary>
        /// Whether the broker's certificate is acceptable: a chain to this CA only, no name mismatch with the host
        /// connected to (TLS itself checks the name against the target host). <paramref name="reason"/> says why not.
        /// </summary>
        public bool Accepts(X509Certificate presented, X509Chain presentedChain, SslPolicyErrors errors, out string reason)
        {
            if (presented == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                reason = "the broker presented no certificate";
                return false;
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                reason = WrongHost(presented);
                return false;
            }

            using X509Certificate2 leaf = new X509Certificate2(presented);
            using X509Chain chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Certificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a private CA publishes no revocation list
            if (presentedChain != null)
            {
                foreach (X509ChainElement element in presentedChain.ChainElements)
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate); // intermediates the broker sent
                }
            }

            if (chain.Build(leaf))
            {
                reason = null;
                return true;
            }

            reason = Explain(leaf, chain, "the CA in " + Path + " (" + Certificate.Subject + ")",
                "give the simulator the CA that signed it with --ca-file, or have the broker's certificate made by this CA (docs/tls.md §1)");
            return false;
        }
    
        /// <summary>The certificate does not name the host the node connected to.</summary>
        public static string WrongHost(X509Certificate presented)
        {
            return "the broker's certificate (" + presented.Subject + ") does not name the host connected to: connect by a name or "
                + "address it lists (subjectAltName), or make it a certificate that names this host (docs/tls.md §1)";
        }

        /// <summary>
        /// Why a chain did not build, one cause at a time with its fix: out of its validity dates (expired or not yet
        /// valid, even from the right CA), or not from a CA that is trusted here.
        /// </summary>
        public static string Explain(X509Certificate2 leaf, X509Chain chain, string trusted, string untrustedFix)
        {
            bool timeInvalid = false;
            bool otherwise = false;
            string status = "";
            foreach (X509ChainStatus s in chain.ChainStatus)
            {
                status += (status.Length == 0 ? "" : ", ") + s.Status;
                if (s.Status == X509ChainStatusFlags.NotTimeValid)
                {
                    timeInvalid = true;
                }
                else
                {
                    otherwise = true;
                }
            }

            if (timeInvalid && !otherwise)
            {
                DateTime now = DateTime.Now;
                string when = now > leaf.NotAfter
                    ? "expired on " + leaf.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC"
                    : "is not valid before " + leaf.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC";
                return "the broker's certificate (" + leaf.Subject + ") " + when + " (it is " + now.ToUniversalTime().ToString("yyyy-MM-dd HH:mm")
                    + " UTC here): renew the broker's certificate with the same CA (docs/tls.md §1), or set this machine's clock right";
            }

            return "the broker's certificate (" + leaf.Subject + ", issued by " + leaf.Issuer + ") is not signed by " + trusted + ": "
                + status + "; " + untrustedFix;
        }
}
}