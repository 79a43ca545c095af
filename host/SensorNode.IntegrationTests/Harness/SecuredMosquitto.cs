using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SensorNode.HostBoard.Brokers;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// A private mosquitto that lets in only the users of a password file made with mosquitto_passwd, and, when
    /// given, enforces an ACL file: the broker setup docs/security.md describes, with the users and rules a test
    /// needs. Disposing stops the broker and removes its files.
    /// </summary>
    public sealed class SecuredMosquitto : IDisposable
    {
        private readonly DirectoryInfo _directory;
        private readonly string _passwords;

        private SecuredMosquitto(IReadOnlyDictionary<string, string> users, string acl)
        {
            Brokers.RequireMosquitto();
            _directory = Directory.CreateTempSubdirectory("sensornode-secured-");
            try
            {
                // Started as root, mosquitto reads these files after it has dropped to its own user.
                File.SetUnixFileMode(_directory.FullName, (UnixFileMode)0b111_101_101);
                _passwords = Path.Combine(_directory.FullName, "passwd");
                bool first = true;
                foreach (KeyValuePair<string, string> user in users)
                {
                    MosquittoPasswd(first ? new[] { "-b", "-c", _passwords, user.Key, user.Value } : new[] { "-b", _passwords, user.Key, user.Value });
                    first = false;
                }

                File.SetUnixFileMode(_passwords, (UnixFileMode)0b110_100_100);
                List<string> config = new List<string> { "password_file " + _passwords };
                if (acl != null)
                {
                    string aclPath = Path.Combine(_directory.FullName, "acl");
                    File.WriteAllText(aclPath, acl);
                    File.SetUnixFileMode(aclPath, (UnixFileMode)0b110_100_100);
                    config.Add("acl_file " + aclPath);
                }

                Broker = Brokers.StartMosquitto(false, config);
            }
            catch
            {
                _directory.Delete(true);
                throw;
            }
        }

        public MosquittoBroker Broker { get; }

        /// <summary>Starts mosquitto with these users (name → password) and, unless null, this ACL file's text.</summary>
        public static SecuredMosquitto Start(IReadOnlyDictionary<string, string> users, string acl = null)
        {
            return new SecuredMosquitto(users, acl);
        }

        /// <summary>mosquitto_passwd -b: sets a user's password in the file (the broker takes it at its next <see cref="MosquittoBroker.Reload"/>).</summary>
        public void SetPassword(string user, string password)
        {
            MosquittoPasswd(new[] { "-b", _passwords, user, password });
        }

        public void Dispose()
        {
            Broker?.Dispose();
            _directory.Delete(true);
        }

        private static void MosquittoPasswd(string[] arguments)
        {
            string executable = File.Exists("/usr/bin/mosquitto_passwd") ? "/usr/bin/mosquitto_passwd" : "mosquitto_passwd";
            (int exitCode, string output, string error) = ChildProcess.Run(executable, arguments, TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, "mosquitto_passwd " + string.Join(" ", arguments.Take(arguments.Length - 1)) + " failed: " + output + error);
        }
    }
}
