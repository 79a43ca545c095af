using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SensorNode.HostBoard.Mqtt
{
    /// <summary>
    /// TLS without a CA of the node's own (--tls without --ca-file): the broker's certificate must chain to a root this
    /// computer trusts. When it does not, the refusal says why and what to do, instead of TLS's opaque callback error.
    /// </summary>
    public static class SystemTrust
    {
        /// <summary>Null when the certificate is acceptable; else why not, with the fix.</summary>
        public static string Check(X509Certificate presented, X509Chain chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None)
            {
                return null;
            }

            if (presented == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the broker presented no certificate";
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return PrivateCa.WrongHost(presented);
            }

            using X509Certificate2 leaf = new X509Certificate2(presented);
            return PrivateCa.Explain(leaf, chain, "a CA this computer trusts",
                "for a broker with a CA of your own, pass that CA's certificate with --ca-file ca.pem (docs/tls.md §3)");
        }
    }
}
