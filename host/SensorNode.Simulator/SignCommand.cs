using System;
using System.IO;
using System.Text;
using SensorNode.Core.Config.Signing;
using SensorNode.HostBoard.Security;

namespace SensorNode.Simulator
{
    /// <summary>
    /// "sign": prints a signed config for mosquitto_pub, e.g.
    /// <c>mosquitto_pub -t sensornode/NODE/config/set -m "$(dotnet run --project host/SensorNode.Simulator -- sign --key-file node.key '{"broker_host":"b2"}')"</c>.
    /// </summary>
    public static class SignCommand
    {
        public const string Usage =
@"usage: dotnet run --project host/SensorNode.Simulator -- sign --key-file FILE [--counter N] JSON

Prints JSON signed with the node's config key (FILE: 16 to 64 bytes as hex digits) for {base}/config/set.
The counter must be above the last one the node accepted; by default it is the time in ms since 1970.";

        public static int Run(string[] args)
        {
            string keyFile = null;
            string json = null;
            long counter = ConfigSigner.CounterNow();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--key-file" when i + 1 < args.Length: keyFile = args[++i]; break;
                    case "--counter" when i + 1 < args.Length:
                        if (!long.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out counter) || counter < 1)
                        {
                            return Fail("--counter takes a whole number from 1");
                        }

                        break;
                    case "--help":
                    case "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        if (json != null || args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            return Fail("unexpected '" + args[i] + "'");
                        }

                        json = args[i];
                        break;
                }
            }

            if (keyFile == null || json == null)
            {
                return Fail("needs --key-file FILE and the JSON");
            }

            byte[] key = ReadKey(keyFile, out string error);
            if (key == null)
            {
                return Fail(error);
            }

            if (!json.TrimStart().StartsWith('{'))
            {
                return Fail("the JSON must be an object: {\"broker_host\":\"...\"}");
            }

            Console.WriteLine(ConfigSigner.Sign(key, counter, json));
            return 0;
        }

        /// <summary>The key in a key file, or null and why not.</summary>
        public static byte[] ReadKey(string path, out string error)
        {
            error = null;
            byte[] text;
            try
            {
                text = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                error = "cannot read the key file '" + path + "': " + ex.Message;
                return null;
            }

            byte[] key = SignedConfig.ParseKey(text);
            if (key == null)
            {
                error = "the key file '" + path + "' must hold 16 to 64 bytes as hex digits";
            }

            return key;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("sign: " + message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
