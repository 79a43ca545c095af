using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A throwaway private CA made with openssl at test time (the commands docs/tls.md shows), and server
    /// certificates it signs for the test brokers. Disposing removes every file, the keys included.
    /// </summary>
    public sealed class TestPki : IDisposable
    {
        private const string OpenSsl = "/usr/bin/openssl";
        private readonly DirectoryInfo _directory;
        private int _servers;

        private TestPki(string name)
        {
            _directory = Directory.CreateTempSubdirectory("sensornode-pki-");
            CaFile = Path.Combine(_directory.FullName, "ca.pem");
            CaKeyFile = Path.Combine(_directory.FullName, "ca.key");
            Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", CaKeyFile, "-out", CaFile, "-days", "2", "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        }

        /// <summary>The CA's certificate (PEM): what the simulator's --ca-file and the device's ca.pem hold.</summary>
        public string CaFile { get; }

        public string CaKeyFile { get; }

        public X509Certificate2 CaCertificate => X509Certificate2.CreateFromPem(File.ReadAllText(CaFile));

        /// <summary>
        /// A new CA named <paramref name="name"/>. Without openssl the test is skipped on a developer's machine and
        /// fails in CI (CI=true), like the mosquitto tests.
        /// </summary>
        public static TestPki Create(string name)
        {
            if (!File.Exists(OpenSsl))
            {
                const string Missing = OpenSsl + " is not installed (apt-get install -y openssl)";
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", Missing);
                Skip.If(true, Missing);
            }

            return new TestPki(name);
        }

        /// <summary>A server certificate signed by this CA, for the names in <paramref name="subjectAltName"/>.</summary>
        /// <param name="subjectAltName">openssl's syntax, e.g. "DNS:localhost,IP:127.0.0.1".</param>
        /// <param name="days">How long it is valid from now; -1 makes one that expired before it was issued (openssl takes it).</param>
        public BrokerTls IssueServer(string subjectAltName = "DNS:localhost,IP:127.0.0.1", int days = 2)
        {
            string name = "server" + ++_servers;
            string key = Path.Combine(_directory.FullName, name + ".key");
            string request = Path.Combine(_directory.FullName, name + ".csr");
            string certificate = Path.Combine(_directory.FullName, name + ".pem");
            string extensions = Path.Combine(_directory.FullName, name + ".ext");
            File.WriteAllText(extensions, "subjectAltName=" + subjectAltName + "\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
            Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", request, "-subj", "/CN=" + subjectAltName.Split(',')[0].Split(':')[1]);
            Run("x509", "-req", "-in", request, "-CA", CaFile, "-CAkey", CaKeyFile, "-CAcreateserial",
                "-out", certificate, "-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "-extfile", extensions);
            return new BrokerTls(CaFile, certificate, key);
        }

        public void Dispose()
        {
            _directory.Delete(true);
        }

        private void Run(params string[] arguments)
        {
            (int exitCode, string output, string error) = ChildProcess.Run(OpenSsl, arguments, TimeSpan.FromSeconds(30), start => start.WorkingDirectory = _directory.FullName);
            if (exitCode != 0)
            {
                throw new InvalidOperationException("openssl " + string.Join(" ", arguments) + " failed:\n" + output + error);
            }
        }
    }
}
