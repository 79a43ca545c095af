using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// The simulator's command line as host/VirtualEsp32/run.sh's. What the device has an equivalent for is mapped;
    /// an option only the simulator has skips the test, naming it (never a silent pass on a node that ignored it).
    /// </summary>
    public static class VirtualEsp32Arguments
    {
        /// <summary>Passed on as they are (run.sh spells them as the simulator does).</summary>
        private static readonly string[] WithValue = { "--broker", "--node-id", "--interval", "--keepalive", "--user", "--password", "--prefix", "--web", "--dhcp", "--dhcp-client" };

        /// <summary>The outputs of the ESP32 board profile (SensorNode/Board/Profiles/Esp32DevKitC.cs): name and whether it is a dimmer.</summary>
        private static readonly Dictionary<string, bool> ProfileOutputs = new Dictionary<string, bool>
        {
            ["relay"] = false, ["relay2"] = false, ["led"] = false, ["strip"] = true,
        };

        /// <summary>What the device finds in its flash at boot: the settings the firmware saved (ConfigStore.FileName).</summary>
        private const string SettingsFile = "sensornode-config.json";

        /// <summary>
        /// run.sh's arguments for <paramref name="simulatorArguments"/> (the harness's defaults included), with the
        /// device's flash in <paramref name="flash"/> (an empty folder of the test's), or in the simulator's --state
        /// folder when there is one, so that a restart on the same state is a reboot on the same flash; skips the test
        /// for an option only the simulator has.
        /// </summary>
        public static List<string> Map(IReadOnlyList<string> simulatorArguments, string flash)
        {
            int state = simulatorArguments.ToList().IndexOf("--state");
            if (state >= 0)
            {
                flash = simulatorArguments[state + 1];
            }

            List<string> mapped = new List<string>();
            List<string> chips = new List<string>();
            bool addBmp280 = false;
            for (int i = 0; i < simulatorArguments.Count; i++)
            {
                string option = simulatorArguments[i];
                string value = i + 1 < simulatorArguments.Count ? simulatorArguments[i + 1] : null;
                switch (option)
                {
                    case "--every-reading":
                    case "--setup": // a freshly flashed device: its flash emptied, nothing deployed
                        mapped.Add(option);
                        break;
                    case "--seed":
                        i++; // the simulated weather's seed; the virtual board draws its own
                        break;
                    case "--state":
                        i++; // the flash folder (above)
                        break;
                    case "--chips":
                        chips.AddRange(value.Split(','));
                        i++;
                        break;
                    case "--bmp280":
                        addBmp280 = true;
                        break;
                    case "--outputs":
                        RequireProfileOutputs(value);
                        i++;
                        break;
                    case "--config-key-file":
                        // As nanoff --filedeployment puts it on the device: I:\sensornode-config-key.txt (BoardProfile).
                        File.Copy(value, Path.Combine(flash, "sensornode-config-key.txt"));
                        i++;
                        break;
                    default:
                        if (WithValue.Contains(option))
                        {
                            mapped.Add(option);
                            mapped.Add(value);
                            i++;
                            break;
                        }

                        throw new SkipException(SimulatorOnly(option));
                }
            }

            if (addBmp280)
            {
                // The simulator's --bmp280 adds one to the chips (by default the BME280).
                chips = (chips.Count == 0 ? new List<string> { "bme280" } : chips).Append("bmp280").ToList();
            }

            if (chips.Count > 0)
            {
                mapped.Add("--chips");
                mapped.Add(string.Join(",", chips.Distinct()));
            }

            mapped.AddRange(new[] { "--flash", flash, "--quiet-boot" });
            if (File.Exists(Path.Combine(flash, SettingsFile)))
            {
                // Booted before: the flash keeps what the firmware saved; a device is deployed to once, not at every boot.
                mapped.Add("--no-deploy");
            }

            string heap = Environment.GetEnvironmentVariable(TestedNode.HeapVariable);
            if (!string.IsNullOrEmpty(heap))
            {
                mapped.Add("--heap");
                mapped.Add(heap);
            }

            return mapped;
        }

        /// <summary>
        /// The board profile's outputs are fixed in the firmware: a test may name some of them (they are all there,
        /// the others too), but not an output the profile lacks, nor failsafes, which the profile sets and MQTT cannot.
        /// </summary>
        private static void RequireProfileOutputs(string outputs)
        {
            foreach (string output in outputs.Split(','))
            {
                string[] parts = output.Split(':');
                bool dimmer = parts.Skip(1).Contains("dimmer");
                string rule = parts.Skip(1).FirstOrDefault(p => p != "dimmer");
                if (rule != null)
                {
                    throw new SkipException("--outputs " + outputs + ": the failsafe " + rule + " is set in the ESP32 board profile (Esp32DevKitC.cs), not on run.sh's command line; the virtual ESP32 runs the unmodified profile");
                }

                if (!ProfileOutputs.TryGetValue(parts[0], out bool isDimmer) || isDimmer != dimmer)
                {
                    throw new SkipException("--outputs " + outputs + ": the ESP32 board profile has no " + (dimmer ? "dimmer " : "switch ") + parts[0] + " (it has relay, relay2, led and the dimmer strip)");
                }
            }
        }

        private static string SimulatorOnly(string option)
        {
            switch (option)
            {
                case "--watchdog":
                    return "--watchdog: the simulator's watchdog bound; the firmware's is fixed (MainLoopWatchdog.DefaultBoundMs, 60 s) and run.sh restarts the device instead of exiting";
                case "--tls":
                case "--ca-file":
                    return option + ": the virtual ESP32 has no TLS (docs/virtual-esp32.md)";
                case "--port":
                    return "--port: the simulator's embedded broker; the virtual ESP32 needs --broker";
                case "--web-password":
                    return "--web-password: the simulator's; the firmware's password is its board's label or made at its first boot (WebNode reads it from the console)";
                default:
                    return option + " is the simulator's; host/VirtualEsp32/run.sh has no such option";
            }
        }
    }
}
