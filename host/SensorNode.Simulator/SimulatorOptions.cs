using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SensorNode.Core.Actuators;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Mqtt;
using SensorNode.HostBoard.Mqtt;

namespace SensorNode.Simulator
{
    /// <summary>The command line: what a person or a test chooses about the simulated node.</summary>
    public sealed class SimulatorOptions
    {
        /// <summary>The most nodes --nodes takes (the usage text says it too): docs/performance.md has what a fleet costs.</summary>
        public const int MaxNodes = 1000;

        public const string Usage =
@"Runs a SensorNode on a virtual board: register-level chips on an I2C bus (a BME280 by default) read through
the real bindings, and two virtual outputs, publishing over MQTT. Without --broker it starts MQTTnet's broker on localhost:1883.

usage: dotnet run --project host/SensorNode.Simulator [-- options]

  --broker HOST[:PORT]   use this broker instead of the embedded one (port default 1883)
  --port N               port of the embedded broker (default 1883)
  --user NAME            MQTT user name        --password PW   MQTT password
  --tls                  connect with TLS (to --broker)
  --config-key-file FILE the node's config key (16 to 64 bytes as hex digits): connection settings then
                         change only with a config signed with it (see the sign command, docs/security.md)
  --ca-file PATH         with --tls: the broker's CA certificate (PEM); the broker's certificate must chain
                         to it (the only trust anchor) and name the --broker host (default: this PC's roots)
  --node-id ID           node id (default: from this PC's MAC address, like the ESP32)
  --prefix P             topic prefix (default sensornode)
  --interval S           seconds between telemetry cycles (default 5; the device defaults to 30)
  --keepalive S          MQTT keep-alive in seconds (default 60, 5..3600)
  --outputs A,B          the virtual outputs (default relay,led): NAME[:dimmer][:max_on=S][:offline_safe=S]
                         dimmer: a 0..100 % dimmer; max_on=S: never on longer than S seconds, whatever
                         commands say; offline_safe=S: to its safe state (off) after S s without the
                         broker (default: keep the state); S is 1..86400
  --chips A,B            the chips on the I2C bus (default bme280): bme280 (0x76), bmp280 (0x77),
                         bme680 (0x77, with gas resistance; not with bmp280), sht31 (0x44), scd41 (0x62)
  --bmp280               add a BMP280 at 0x77 to the chips
  --every-reading        publish every reading and a snapshot every cycle (default: as the device, by
                         exception: a change beyond the quantity's deadband, or the 20-minute heartbeat)
  --state DIR            keep the node's settings in DIR across runs (default: in memory)
  --seed N               seed of the simulated weather and of the reconnect jitter (default: from the clock)
  --nodes N              run a fleet of N nodes (1..1000) in this process, each with its own board, settings,
                         MQTT connection and main loop; ids --node-id-001 … (--state: a folder per node);
                         the console shows the nodes' warnings and errors and how many are online
  --watchdog S           restart (exit code 75) when the main loop has not turned for S seconds (default 60,
                         2..3600), as the ESP32 reboots; try it with the console command: fail bme280 hang
  --no-jitter            reconnect without randomness: the back-off's full window every time (the deterministic
                         doubling), so a fleet retries in lockstep; for benches and tests
  --help                 this text

Sign a config for such a node: dotnet run --project host/SensorNode.Simulator -- sign --help

While it runs, type on its console: fail SENSOR nack|stuck|hang, heal SENSOR, help.";

        public string BrokerHost;
        public int BrokerPort = 1883;
        public int EmbeddedPort = 1883;
        public string Username = "";
        public string Password = "";
        public bool Tls;
        public string CaFile;
        public PrivateCa Ca;
        public string NodeId;
        public string Prefix = "sensornode";
        public int IntervalSeconds = 5;
        public int KeepAliveSeconds = 60;
        public string[] Outputs = { "relay", "led" };
        public List<string> Chips = new List<string> { "bme280" };
        public bool EveryReading;
        public string StateDirectory;
        public byte[] ConfigKey;
        public int? Seed;
        public bool ShowHelp;
        public int Nodes = 1;
        public bool NoJitter;
        public int WatchdogSeconds = MainLoopWatchdog.DefaultBoundMs / 1000;

        public bool UsesEmbeddedBroker => BrokerHost == null;

        /// <summary>The options, or throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public static SimulatorOptions Parse(string[] args)
        {
            SimulatorOptions options = new SimulatorOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "--broker": options.SetBroker(Value(args, ref i)); break;
                    case "--port": options.EmbeddedPort = Number(name, Value(args, ref i), 1, 65535); break;
                    case "--user": options.Username = Value(args, ref i); break;
                    case "--password": options.Password = Value(args, ref i); break;
                    case "--tls": options.Tls = true; break;
                    case "--ca-file": options.CaFile = Value(args, ref i); break;
                    case "--node-id": options.NodeId = Value(args, ref i); break;
                    case "--prefix": options.Prefix = Value(args, ref i); break;
                    case "--interval": options.IntervalSeconds = Number(name, Value(args, ref i), ConfigKeys.MinPublishIntervalSeconds, ConfigKeys.MaxPublishIntervalSeconds); break;
                    case "--keepalive": options.KeepAliveSeconds = Number(name, Value(args, ref i), ConfigKeys.MinKeepAliveSeconds, ConfigKeys.MaxKeepAliveSeconds); break;
                    case "--outputs": options.Outputs = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--chips": options.Chips = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).ToList(); break;
                    case "--bmp280": options.Chips.Add("bmp280"); break;
                    case "--every-reading": options.EveryReading = true; break;
                    case "--state": options.StateDirectory = Value(args, ref i); break;
                    case "--config-key-file": options.ConfigKey = ReadConfigKey(Value(args, ref i)); break;
                    case "--seed": options.Seed = Number(name, Value(args, ref i), 0, int.MaxValue); break;
                    case "--nodes": options.Nodes = Number(name, Value(args, ref i), 1, MaxNodes); break;
                    case "--no-jitter": options.NoJitter = true; break;
                    case "--watchdog": options.WatchdogSeconds = Number(name, Value(args, ref i), 2, 3600); break;
                    case "--help":
                    case "-h": options.ShowHelp = true; break;
                    default: throw new ArgumentException("unknown option " + name);
                }
            }


            string unknown = options.Chips.FirstOrDefault(c => !VirtualBoard.KnownChips.Contains(c));
            if (unknown != null)
            {
                throw new ArgumentException("--chips: no virtual chip '" + unknown + "'; there are " + string.Join(", ", VirtualBoard.KnownChips));
            }

            if (options.Chips.Distinct().Count() != options.Chips.Count)
            {
                throw new ArgumentException("--chips: each chip once (two would share an address)");
            }

            if (options.Chips.Contains("bmp280") && options.Chips.Contains("bme680"))
            {
                throw new ArgumentException("--chips: bmp280 or bme680, not both (both sit at 0x77)");
            }

            options.CheckWithTheConfigRules();
            options.CheckOutputs();
            options.CheckStateDirectory();

            if (options.Tls && options.UsesEmbeddedBroker)
            {
                throw new ArgumentException("--tls needs --broker: the embedded broker listens without TLS");
            }

            options.CheckCaFile();

            return options;
        }

        /// <summary>
        /// The settings the options become go through the validation a config on the config topic gets (one rule
        /// for every entry point): the same errors, before anything starts.
        /// </summary>
        private void CheckWithTheConfigRules()
        {
            NodeConfig config = new NodeConfig(NodeId ?? "sim");
            config.TopicPrefix = Prefix;
            config.BrokerHost = BrokerHost ?? "localhost";
            string error = ConfigParser.Validate(config);
            if (error != null)
            {
                throw new ArgumentException(error.Replace("\"" + ConfigKeys.NodeId + "\"", "--node-id").Replace("\"" + ConfigKeys.TopicPrefix + "\"", "--prefix").Replace("\"" + ConfigKeys.BrokerHost + "\"", "--broker"));
            }
        }

        /// <summary>The outputs as the board describes them, failsafes included (made by <see cref="CheckOutputs"/>).</summary>
        public OutputSpec[] OutputSpecs { get; private set; } = Array.Empty<OutputSpec>();

        private void CheckOutputs()
        {
            foreach (string output in Outputs)
            {
                string id = output.Split(':')[0];
                if (!TopicScheme.IsValidSegment(id))
                {
                    throw new ArgumentException("--outputs: '" + id + "' must be one topic level without '/', '+' or '#'");
                }
            }

            OutputSpecs = Outputs.Select(ParseOutput).ToArray();

            if (Outputs.Select(o => o.Split(':')[0]).Distinct().Count() != Outputs.Length)
            {
                throw new ArgumentException("--outputs: each output once");
            }
        }

        /// <summary>NAME[:dimmer][:max_on=S][:offline_safe=S], each option at most once; limits checked as a board profile's are.</summary>
        private static OutputSpec ParseOutput(string text)
        {
            string[] parts = text.Split(':');
            bool dimmer = false;
            int maxOn = 0, offlineSafe = 0;
            var seen = new HashSet<string>();
            foreach (string part in parts.Skip(1))
            {
                string key = part.Split('=')[0];
                if (!seen.Add(key))
                {
                    throw new ArgumentException("--outputs: '" + text + "' names " + key + " twice");
                }

                if (part == "dimmer")
                {
                    dimmer = true;
                }
                else if (key == Failsafe.MaxOnRule || key == Failsafe.OfflineRule)
                {
                    string value = part.Substring(key.Length).TrimStart('=');
                    if (!part.Contains('=') || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds < 1)
                    {
                        throw new ArgumentException("--outputs: '" + part + "' in '" + text + "' needs whole seconds from 1 to " + Failsafe.MaxSeconds + ", e.g. " + key + "=60");
                    }

                    if (key == Failsafe.MaxOnRule)
                    {
                        maxOn = seconds;
                    }
                    else
                    {
                        offlineSafe = seconds;
                    }
                }
                else
                {
                    throw new ArgumentException("--outputs: '" + text + "' is not NAME[:dimmer][:max_on=S][:offline_safe=S] ('" + part + "')");
                }
            }

            OutputSpec spec = dimmer ? OutputSpec.Dimmer(parts[0], 0, false, 0, 0) : OutputSpec.Switch(parts[0], 0, false, false, false);
            try
            {
                return spec.WithFailsafe(maxOn, offlineSafe);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException("--outputs: " + ex.Message);
            }
        }

        /// <summary>--state names a folder (made if missing); a file there is an error, not a crash later.</summary>
        private void CheckStateDirectory()
        {
            if (StateDirectory != null && System.IO.File.Exists(StateDirectory))
            {
                throw new ArgumentException("--state: '" + StateDirectory + "' is a file; it must be a folder (made if missing)");
            }
        }

        private static byte[] ReadConfigKey(string path)
        {
            byte[] key = SignCommand.ReadKey(path, out string error);
            return key ?? throw new ArgumentException("--config-key-file: " + error);
        }

        /// <summary>--ca-file only with --tls, and a readable PEM certificate: checked now, not at the first connect.</summary>
        private void CheckCaFile()
        {
            if (CaFile == null)
            {
                return;
            }

            if (!Tls)
            {
                throw new ArgumentException("--ca-file needs --tls: without TLS there is no broker certificate to check");
            }

            try
            {
                Ca = PrivateCa.Load(CaFile);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException("--ca-file: " + ex.Message);
            }
        }

        private void SetBroker(string value)
        {
            int colon = value.LastIndexOf(':');
            if (colon == 0 || value.Length == 0)
            {
                throw new ArgumentException("--broker needs a host, e.g. --broker localhost:1883");
            }

            if (colon > 0 && value.IndexOf(':') == colon)
            {
                BrokerHost = value.Substring(0, colon);
                BrokerPort = Number("--broker", value.Substring(colon + 1), 1, 65535);
            }
            else
            {
                BrokerHost = value;
            }
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException(args[i] + " needs a value");
            }

            i++;
            return args[i];
        }

        private static int Number(string name, string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ArgumentException(name + " takes a whole number from " + min + " to " + max + ", not '" + text + "'");
            }

            return value;
        }
    }
}
