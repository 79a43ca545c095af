using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using SensorNode.CommandLine;
using SensorNode.Core.Config;
using SensorNode.Core.Config.Signing;
using SensorNode.HostBoard.Security;

namespace SensorNode.Simulator
{
    /// <summary>
    /// "sign": prints a signed config for mosquitto_pub, and nothing else on standard output (the docs paste it with
    /// <c>-m "$(…)"</c>), e.g.
    /// <c>mosquitto_pub -t sensornode/NODE/config/set -m "$(dotnet run --project host/SensorNode.Simulator -- sign --key-file node.key --node-id NODE '{"broker_host":"b2"}')"</c>.
    /// A command line it does not understand is "sign: " and why on standard error, then its usage; exit code 2.
    /// </summary>
    public sealed class SignCommand : Command
    {
        private const string Usage = "usage: " + SimulatorCommand.RunCommand + " -- sign --key-file FILE --node-id ID [--counter N] JSON";

        private const string About =
@"Prints JSON signed with the node's config key (FILE: 16 to 64 bytes as hex digits) for {base}/config/set
of the node ID only (the signature names it: the message fails on every other node, even one with the same key).
The counter must be above the last one the node accepted; by default it is the time in ms since 1970.";

        /// <summary>The end of its help: how the docs use it.</summary>
        public const string HelpFooter =
@"Example:
  mosquitto_pub -t sensornode/NODE/config/set \
    -m ""$(" + SimulatorCommand.RunCommand + @" -- sign --key-file node.key --node-id NODE '{""broker_host"":""b2""}')""";

        private readonly Option<string> _keyFile = CommandLineOptions.Value("--key-file", "FILE", "the node's config key, as --config-key-file gives it to the node");

        private readonly Option<string> _nodeId = CommandLineOptions.Value("--node-id", "ID", "the node's id, as in its base topic sensornode/ID");

        private readonly Option<long> _counter = CommandLineOptions.WholeNumber("--counter", "N",
            "the config's counter (default: the time in ms since 1970), at most 2^53 as the node takes", 1L, SignedConfig.MaxCounter);

        private readonly Argument<string> _json = new Argument<string>("JSON")
        {
            Description = "the config to sign, a JSON object, e.g. '{\"broker_host\":\"b2\"}'",
            Arity = ArgumentArity.ZeroOrOne,
        };

        public SignCommand()
            : base("sign", About)
        {
            Options.Add(_keyFile);
            Options.Add(_nodeId);
            Options.Add(_counter);
            Arguments.Add(_json);
            _json.Validators.Add(result =>
            {
                string json = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
                if (json == null)
                {
                    return;
                }

                if (json.StartsWith("--", StringComparison.Ordinal))
                {
                    result.AddError("unexpected '" + json + "'");
                }
                else if (!json.TrimStart().StartsWith('{'))
                {
                    result.AddError("the JSON must be an object: {\"broker_host\":\"...\"}");
                }
            });
            UnexpectedWords.Refuse(this, word => "unexpected '" + word + "'");
            Validators.Add(result =>
            {
                if (result.GetResult(_keyFile) == null || result.GetResult(_json) == null)
                {
                    result.AddError("needs --key-file FILE and the JSON");
                }
                else if (result.GetResult(_nodeId) == null)
                {
                    result.AddError("needs --node-id ID: the signature names the node it is for");
                }
            });
            SetAction(Sign);
        }

        /// <summary>Prints why the command line was refused, then how it is used, on standard error; returns the exit code for it.</summary>
        public static int Refuse(IReadOnlyList<string> messages)
        {
            foreach (string message in messages)
            {
                Console.Error.WriteLine("sign: " + message);
            }

            Console.Error.WriteLine(Usage);
            Console.Error.WriteLine();
            Console.Error.WriteLine(About);
            return CommandLineProgram.UsageError;
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

        private int Sign(ParseResult parsed)
        {
            byte[] key = ReadKey(parsed.GetValue(_keyFile), out string error);
            if (key == null)
            {
                return Refuse(new[] { error });
            }

            // What the node would refuse is refused here, before it is signed: malformed JSON, unknown keys, bad values.
            string json = parsed.GetValue(_json);
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
            string invalid = ConfigParser.TryMerge(new NodeConfig("signcheck"), bytes, bytes.Length, out _);
            if (invalid != null)
            {
                return Refuse(new[] { "the node would refuse this config: " + invalid });
            }

            long counter = parsed.GetResult(_counter) == null ? ConfigSigner.CounterNow() : parsed.GetValue(_counter);
            // One line: the node ignores its newline, so "sign > f; mosquitto_pub -f f" works like -m "$(sign)".
            Console.WriteLine(ConfigSigner.Sign(key, parsed.GetValue(_nodeId), counter, json));
            return 0;
        }
    }
}
