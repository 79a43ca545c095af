using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// Which node the contract tests drive: the simulator (default), or with SENSORNODE_NODE=virtual-esp32 the
    /// firmware image in the virtual ESP32 (host/VirtualEsp32/run.sh, docs/virtual-esp32.md). The virtual ESP32 needs
    /// the repository mirror (../.mirror, or MIRROR); without it (CI) the tests say so and run against the simulator.
    /// run.sh is built once (--build-only) before the first node starts; a failed build fails every test that needs it.
    /// </summary>
    public static class TestedNode
    {
        public const string Variable = "SENSORNODE_NODE";
        public const string VirtualEsp32Name = "virtual-esp32";

        /// <summary>The managed heap in KB for run.sh --heap; unset: run.sh's default.</summary>
        public const string HeapVariable = "SENSORNODE_VESP32_HEAP";

        private static readonly Lazy<bool> Choice = new Lazy<bool>(Choose, LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<string> BuildFailure = new Lazy<string>(Build, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Whether the nodes are virtual ESP32s (the switch is set and the mirror is there).</summary>
        public static bool IsVirtualEsp32 => Choice.Value;

        /// <summary>Whether SENSORNODE_NODE asks for the virtual ESP32 (whether or not it can be built here).</summary>
        public static bool VirtualEsp32Wanted => Environment.GetEnvironmentVariable(Variable) == VirtualEsp32Name;

        public static string RunScript => Path.Combine(Built.RepoRoot, "host", "VirtualEsp32", "run.sh");

        /// <summary>The snapshot's actuators as the node boots: the simulator's default outputs, or the ESP32 board profile's.</summary>
        public static string ActuatorsAtBootJson => IsVirtualEsp32
            ? "{\"relay\":\"OFF\",\"relay2\":\"OFF\",\"led\":\"OFF\",\"strip\":{\"state\":\"OFF\",\"level\":0}}"
            : "{\"relay\":\"OFF\",\"led\":\"OFF\"}";

        /// <summary>
        /// The reset reason in the diagnostics: the simulator's host reports "process start"; the ESP32 firmware reports
        /// none (null), as no pinned nanoFramework API tells it (SensorNode/Board/Esp32/Esp32Health.cs).
        /// </summary>
        public static string ResetReason => IsVirtualEsp32 ? null : "process start";

        /// <summary>Builds run.sh's image and nanoCLR once; throws with the build's output when that fails.</summary>
        public static void EnsureBuilt()
        {
            if (BuildFailure.Value != null)
            {
                throw new InvalidOperationException(BuildFailure.Value);
            }
        }

        private static bool Choose()
        {
            string wanted = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(wanted) || wanted == "simulator")
            {
                return false;
            }

            if (wanted != VirtualEsp32Name)
            {
                throw new InvalidOperationException(Variable + "=" + wanted + " is neither 'simulator' nor '" + VirtualEsp32Name + "'");
            }

            string mirror = Environment.GetEnvironmentVariable("MIRROR") ?? Path.Combine(Built.RepoRoot, "..", ".mirror");
            if (!Directory.Exists(mirror))
            {
                Say(Variable + "=" + VirtualEsp32Name + ": the virtual ESP32 is not built: the repository mirror " + Path.GetFullPath(mirror)
                    + " is missing (docs/virtual-esp32.md); the contract tests run against the simulator instead");
                return false;
            }

            Say(Variable + "=" + VirtualEsp32Name + ": the contract tests run against the virtual ESP32 (host/VirtualEsp32/run.sh"
                + (Environment.GetEnvironmentVariable(HeapVariable) is string heap && heap.Length > 0 ? ", --heap " + heap : ", run.sh's default heap") + ")");
            return true;
        }

        /// <returns>null when built; else what went wrong, with the end of run.sh's output.</returns>
        private static string Build()
        {
            (int ExitCode, string Output, string Error) build;
            try
            {
                build = ChildProcess.Run("bash", new[] { RunScript, "--build-only" }, TimeSpan.FromMinutes(20));
            }
            catch (TimeoutException)
            {
                return "bash host/VirtualEsp32/run.sh --build-only did not finish within 20 minutes";
            }

            if (build.ExitCode == 0)
            {
                return null;
            }

            string[] lines = (build.Output + build.Error).Split('\n');
            return "the virtual ESP32 did not build: bash host/VirtualEsp32/run.sh --build-only exited " + build.ExitCode + ":\n"
                + string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 30)));
        }

        /// <summary>Why the nodes are what they are, once; dotnet test shows it with --logger "console;verbosity=normal".</summary>
        public static string ChoiceMessage { get; private set; }

        private static void Say(string message)
        {
            ChoiceMessage = message;
            Console.WriteLine(message);
        }
    }
}
