using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SensorNode.Core.Actuators;
using SensorNode.Core.Config;
using SensorNode.Core.Connection;
using SensorNode.Core.Mqtt;
using SensorNode.HostBoard.I2c;
using SensorNode.HostBoard.Mqtt;

namespace SensorNode.Simulator
{
    /// <summary>
    /// What a person or a test chooses about the simulated node: the command line's values (read by
    /// <see cref="SimulatorCommand"/>, whose --help shows these defaults), and the rules they must keep together.
    /// </summary>
    public sealed class SimulatorOptions
    {
        /// <summary>The most nodes --nodes takes (the usage text says it too): docs/performance.md has what a fleet costs.</summary>
        public const int MaxNodes = 1000;

        public string BrokerHost;
        public int BrokerPort = BrokerAddress.DefaultPort;
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
        public int Nodes = 1;
        public bool NoJitter;
        public int WatchdogSeconds = MainLoopWatchdog.DefaultBoundMs / 1000;

        public int? WebPort;
        public string WebPassword;
        public bool Setup;

        public bool UsesEmbeddedBroker => BrokerHost == null;

        /// <summary>
        /// Checks the options against each other and against the rules of their own (chips, outputs, the config
        /// rules, --state, TLS); throws <see cref="ArgumentException"/> naming the bad one. What each option's value
        /// must look like on its own, the command line (<see cref="SimulatorCommand"/>) has checked already.
        /// </summary>
        public void Check()
        {
            string chipsWrong = VirtualChips.Check(Chips);
            if (chipsWrong != null)
            {
                throw new ArgumentException("--chips: " + chipsWrong);
            }

            CheckWithTheConfigRules();
            CheckOutputs();
            CheckStateDirectory();

            if (Tls && UsesEmbeddedBroker)
            {
                throw new ArgumentException("--tls needs --broker: the embedded broker listens without TLS");
            }

            CheckCaFile();
            CheckWeb();
        }

        private void CheckWeb()
        {
            if (Setup && WebPort == null)
            {
                throw new ArgumentException("--setup needs --web: a node in setup mode gets its settings from its web page");
            }

            if (WebPort != null && Nodes > 1)
            {
                throw new ArgumentException("--web serves one node's page: not with --nodes");
            }

            if (WebPassword != null && WebPassword.Length < SensorNode.Core.Web.BasicAuth.MinPasswordChars)
            {
                throw new ArgumentException("--web-password: at least " + SensorNode.Core.Web.BasicAuth.MinPasswordChars + " characters");
            }
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

        /// <summary>NAME[:KIND][:max_on=S][:offline_safe=S] (KIND: dimmer, servo; a switch without), each option at most once; limits checked as a board profile's are.</summary>
        private static OutputSpec ParseOutput(string text)
        {
            string[] parts = text.Split(':');
            OutputKind kind = OutputKind.Switch;
            int maxOn = 0, offlineSafe = 0;
            var seen = new HashSet<string>();
            foreach (string part in parts.Skip(1))
            {
                string key = part.Split('=')[0];
                if (!seen.Add(key))
                {
                    throw new ArgumentException("--outputs: '" + text + "' names " + key + " twice");
                }

                if (OutputKind.Named(part) != null && !part.Contains('='))
                {
                    kind = OutputKind.Named(part);
                    if (!seen.Add("kind"))
                    {
                        throw new ArgumentException("--outputs: '" + text + "' names two kinds");
                    }
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
                    throw new ArgumentException("--outputs: '" + text + "' is not NAME[:dimmer|:servo][:max_on=S][:offline_safe=S] ('" + part + "')");
                }
            }

            try
            {
                return OutputSpec.Of(parts[0], kind, 0, false, kind.RestValue, kind.RestValue).WithFailsafe(maxOn, offlineSafe);
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
    }
}
