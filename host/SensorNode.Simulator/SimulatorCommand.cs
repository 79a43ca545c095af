using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using SensorNode.CommandLine;
using SensorNode.Core.Config;
using SensorNode.HostBoard.I2c;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The simulator's command line: every option with its help and default, the <see cref="SignCommand"/>, and the
    /// parsed options read into <see cref="SimulatorOptions"/>. A value that is wrong on its own is a parse error here;
    /// values that do not fit together are refused by <see cref="SimulatorOptions.Check"/>. Either way: the message,
    /// "(--help lists the options)", exit code 2, before any broker or node starts.
    /// </summary>
    public sealed class SimulatorCommand : RootCommand
    {
        public const string RunCommand = "dotnet run --project host/SensorNode.Simulator";

        private const string About =
@"Runs a SensorNode on a virtual board: register-level chips on an I2C bus (a BME280 by default) read through the
real bindings, and two virtual outputs, publishing over MQTT. Without --broker it starts MQTTnet's broker on localhost:1883.";

        private const string Footer =
@"While it runs, type on its console: fail SENSOR nack|stuck|hang, heal SENSOR, help.

Examples:
  " + RunCommand + @" -- --chips bme280,sht3x,scd4x,aht20 --outputs relay,strip:dimmer
  " + RunCommand + @" -- --broker broker.lan:8883 --tls --ca-file ca.pem
  " + RunCommand + @" -- --broker localhost:1883 --nodes 50 --node-id lab
  " + RunCommand + @" -- sign --help";

        private static readonly SimulatorOptions Defaults = new SimulatorOptions();

        private readonly Option<BrokerAddress?> _broker = new Option<BrokerAddress?>("--broker")
        {
            HelpName = "HOST[:PORT]",
            Description = "use this broker instead of the embedded one (port default " + BrokerAddress.DefaultPort + ")",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                BrokerAddress? address = BrokerAddress.Parse(result.Tokens[result.Tokens.Count - 1].Value, out string error);
                if (error != null)
                {
                    result.AddError(error);
                }

                return address;
            },
        };

        private readonly Option<int> _port = CommandLineOptions.WholeNumber("--port", "N", "port of the embedded broker", 1, 65535, Defaults.EmbeddedPort);
        private readonly Option<string> _user = CommandLineOptions.Value("--user", "NAME", "MQTT user name");
        private readonly Option<string> _password = CommandLineOptions.Value("--password", "PW", "MQTT password");
        private readonly Option<bool> _tls = CommandLineOptions.Flag("--tls", "connect with TLS (to --broker)");

        private readonly Option<byte[]> _configKey = new Option<byte[]>("--config-key-file")
        {
            HelpName = "FILE",
            Description = "the node's config key (16 to 64 bytes as hex digits): connection settings then change only with a config "
                + "signed with it (see the sign command, docs/security.md)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                byte[] key = SignCommand.ReadKey(result.Tokens[result.Tokens.Count - 1].Value, out string error);
                if (key == null)
                {
                    result.AddError("--config-key-file: " + error);
                }

                return key;
            },
        };

        private readonly Option<string> _caFile = CommandLineOptions.Value("--ca-file", "PATH",
            "with --tls: the broker's CA certificate (PEM); the broker's certificate must chain to it (the only trust anchor) "
            + "and name the --broker host (default: this PC's roots)");

        private readonly Option<string> _nodeId = CommandLineOptions.Value("--node-id", "ID", "node id (default: from this PC's MAC address, like the ESP32)");
        private readonly Option<string> _prefix = CommandLineOptions.Value("--prefix", "P", "topic prefix", Defaults.Prefix);

        private readonly Option<int> _interval = CommandLineOptions.WholeNumber("--interval", "S",
            "seconds between telemetry cycles (" + ConfigKeys.MinPublishIntervalSeconds + ".." + ConfigKeys.MaxPublishIntervalSeconds + "; the device defaults to 30)",
            ConfigKeys.MinPublishIntervalSeconds, ConfigKeys.MaxPublishIntervalSeconds, Defaults.IntervalSeconds);

        private readonly Option<int> _keepAlive = CommandLineOptions.WholeNumber("--keepalive", "S",
            "MQTT keep-alive in seconds (" + ConfigKeys.MinKeepAliveSeconds + ".." + ConfigKeys.MaxKeepAliveSeconds + ")",
            ConfigKeys.MinKeepAliveSeconds, ConfigKeys.MaxKeepAliveSeconds, Defaults.KeepAliveSeconds);

        private readonly Option<string> _outputs = CommandLineOptions.Value("--outputs", "A,B",
            "the virtual outputs, each NAME[:dimmer|:servo][:max_on=S][:offline_safe=S]; dimmer: a 0..100 % dimmer; servo: an angle "
            + "0..180 (starts and rests at 90); max_on=S: never on longer than S seconds, whatever commands say (not a servo); "
            + "offline_safe=S: to its safe state (off, a servo 90) after S s without the broker "
            + "(default: keep the state); S is 1..86400",
            string.Join(",", Defaults.Outputs));

        private readonly Option<string> _chips = CommandLineOptions.Value("--chips", "A,B",
            "the chips on the I2C bus, named as the sensor ids the node publishes, at their addresses: " + VirtualChips.Describe()
            + " (one chip per address)",
            string.Join(",", Defaults.Chips));

        private readonly Option<bool> _bmp280 = CommandLineOptions.Flag("--bmp280", "add a BMP280 at 0x77 to the chips");

        private readonly Option<bool> _everyReading = CommandLineOptions.Flag("--every-reading",
            "publish every reading and a snapshot every cycle (default: as the device, by exception: a change beyond the "
            + "quantity's deadband, or the 20-minute heartbeat)");

        private readonly Option<string> _state = CommandLineOptions.Value("--state", "DIR", "keep the node's settings in DIR across runs (default: in memory)");

        private readonly Option<int> _seed = CommandLineOptions.WholeNumber("--seed", "N",
            "seed of the simulated weather and of the reconnect jitter (default: from the clock)", 0, int.MaxValue);

        private readonly Option<int> _nodes = CommandLineOptions.WholeNumber("--nodes", "N",
            "run a fleet of N nodes (1.." + SimulatorOptions.MaxNodes + ") in this process, each with its own board, settings, MQTT "
            + "connection and main loop; ids --node-id-001 … (--state: a folder per node); the console shows the nodes' "
            + "warnings and errors and how many are online",
            1, SimulatorOptions.MaxNodes, Defaults.Nodes);

        private readonly Option<int> _watchdog = CommandLineOptions.WholeNumber("--watchdog", "S",
            "restart (exit code 75) when the main loop has not turned for S seconds (2..3600), as the ESP32 reboots; try it "
            + "with the console command: fail bme280 hang",
            2, 3600, Defaults.WatchdogSeconds);

        private readonly Option<bool> _noJitter = CommandLineOptions.Flag("--no-jitter",
            "reconnect without randomness: the back-off's full window every time (the deterministic doubling), so a fleet "
            + "retries in lockstep; for benches and tests");

        private readonly Option<int> _web = CommandLineOptions.WholeNumber("--web", "PORT",
            "serve the node's web page on localhost:PORT (0: any free port, printed): the setup form in setup mode, else "
            + "readings, outputs with buttons, diagnostics and settings (docs/setup.md)", 0, 65535);

        private readonly Option<string> _webPassword = CommandLineOptions.Value("--web-password", "PW",
            "the web page's password (at least 8 characters; default: made at the first boot, kept with --state, printed)");

        private readonly Option<bool> _setup = CommandLineOptions.Flag("--setup",
            "boot as a node on its first boot without settings: in setup mode, no broker, until the setup page (--web) "
            + "gives it one; settings kept with --state start it set up next time");

        public SimulatorCommand(Func<SimulatorOptions, int> simulate)
            : base(About)
        {
            HelpName = RunCommand + " --";
            foreach (Option option in new Option[]
            {
                _broker, _port, _user, _password, _tls, _configKey, _caFile, _nodeId, _prefix, _interval, _keepAlive,
                _outputs, _chips, _bmp280, _everyReading, _state, _seed, _nodes, _watchdog, _noJitter, _web, _webPassword, _setup,
            })
            {
                Options.Add(option);
            }

            UnexpectedWords.Refuse(this, word => "unknown option " + word);
            Subcommands.Add(new SignCommand());
            CommandLineProgram.Prepare(this, command => command == this ? Footer : command is SignCommand ? SignCommand.HelpFooter : null);
            SetAction(parsed =>
            {
                SimulatorOptions options;
                try
                {
                    options = Read(parsed);
                }
                catch (ArgumentException ex)
                {
                    return Refuse(new[] { ex.Message });
                }

                return simulate(options);
            });
        }

        /// <summary>Prints why the command line was refused, and returns the exit code for it.</summary>
        public static int Refuse(IReadOnlyList<string> messages)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, messages) + " (--help lists the options)");
            return CommandLineProgram.UsageError;
        }

        /// <summary>The options of a command line that parsed, checked together; throws <see cref="ArgumentException"/> naming a bad one.</summary>
        private SimulatorOptions Read(ParseResult parsed)
        {
            BrokerAddress? broker = parsed.GetValue(_broker);
            List<string> chips = parsed.GetValue(_chips).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToLowerInvariant()).ToList();
            if (parsed.GetValue(_bmp280))
            {
                chips.Add("bmp280");
            }

            SimulatorOptions options = new SimulatorOptions
            {
                BrokerHost = broker?.Host,
                BrokerPort = broker?.Port ?? BrokerAddress.DefaultPort,
                EmbeddedPort = parsed.GetValue(_port),
                Username = parsed.GetValue(_user) ?? Defaults.Username,
                Password = parsed.GetValue(_password) ?? Defaults.Password,
                Tls = parsed.GetValue(_tls),
                ConfigKey = parsed.GetResult(_configKey) == null ? null : parsed.GetValue(_configKey), // not given is an empty array
                CaFile = parsed.GetValue(_caFile),
                NodeId = parsed.GetValue(_nodeId),
                Prefix = parsed.GetValue(_prefix),
                IntervalSeconds = parsed.GetValue(_interval),
                KeepAliveSeconds = parsed.GetValue(_keepAlive),
                Outputs = parsed.GetValue(_outputs).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Chips = chips,
                EveryReading = parsed.GetValue(_everyReading),
                StateDirectory = parsed.GetValue(_state),
                Seed = parsed.GetResult(_seed) == null ? null : parsed.GetValue(_seed),
                Nodes = parsed.GetValue(_nodes),
                WatchdogSeconds = parsed.GetValue(_watchdog),
                NoJitter = parsed.GetValue(_noJitter),
                WebPort = parsed.GetResult(_web) == null ? null : parsed.GetValue(_web),
                WebPassword = parsed.GetValue(_webPassword),
                Setup = parsed.GetValue(_setup),
            };
            options.Check();
            return options;
        }
    }
}
