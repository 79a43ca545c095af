using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// What mosquitto's own log says about a fleet: when it started and every accepted CONNECT with its client id,
    /// to the second of mosquitto's timestamps (epoch seconds: mosquitto 2.0's log_timestamp_format goes through
    /// strftime, which has no sub-second field). The broker's log is the source of truth for connects per second,
    /// not the nodes' own view.
    /// </summary>
    public sealed class BrokerConnectLog
    {
        // "1764484456: New client connected from 127.0.0.1:40312 as sensornode-fleet-001 (p2, c1, k60)."
        private static readonly Regex Connected = new Regex(@"^(\d+): New client connected from \S+ as (\S+) \(", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex Running = new Regex(@"^(\d+): mosquitto version \S+ running", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private BrokerConnectLog(long? startedAt, List<(long At, string ClientId)> connects)
        {
            StartedAt = startedAt;
            Connects = connects;
        }

        /// <summary>Epoch second of mosquitto's "running" line; null when not (yet) in the log.</summary>
        public long? StartedAt { get; }

        /// <summary>Every accepted CONNECT, in log order.</summary>
        public IReadOnlyList<(long At, string ClientId)> Connects { get; }

        /// <summary>The log lines mosquitto wrote with the default timestamp (epoch seconds).</summary>
        public static BrokerConnectLog Parse(string log)
        {
            Match running = Running.Match(log);
            List<(long, string)> connects = new List<(long, string)>();
            foreach (Match m in Connected.Matches(log))
            {
                connects.Add((long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));
            }

            return new BrokerConnectLog(running.Success ? long.Parse(running.Groups[1].Value, CultureInfo.InvariantCulture) : null, connects);
        }

        /// <summary>How many different clients whose id starts with <paramref name="prefix"/> have connected.</summary>
        public int DistinctClients(string prefix)
        {
            HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
            foreach ((long _, string id) in Connects)
            {
                if (id.StartsWith(prefix, StringComparison.Ordinal))
                {
                    seen.Add(id);
                }
            }

            return seen.Count;
        }

        /// <summary>
        /// The epoch second in which the last of the clients with <paramref name="prefix"/> made its first connect,
        /// or null when fewer than <paramref name="count"/> connected.
        /// </summary>
        public long? AllConnectedAt(string prefix, int count)
        {
            HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
            foreach ((long at, string id) in Connects)
            {
                if (id.StartsWith(prefix, StringComparison.Ordinal) && seen.Add(id) && seen.Count == count)
                {
                    return at;
                }
            }

            return null;
        }

        /// <summary>Accepted CONNECTs of clients with <paramref name="prefix"/> per second, second 0 being <paramref name="from"/>.</summary>
        public int[] PerSecond(string prefix, long from, int seconds)
        {
            int[] counts = new int[seconds];
            foreach ((long at, string id) in Connects)
            {
                long second = at - from;
                if (id.StartsWith(prefix, StringComparison.Ordinal) && second >= 0 && second < seconds)
                {
                    counts[second]++;
                }
            }

            return counts;
        }
    }
}
