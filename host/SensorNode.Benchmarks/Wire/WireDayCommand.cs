using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using SensorNode.CommandLine;
using SensorNode.Benchmarks.Fakes;
using SensorNode.Tests.Fakes;
using PublishedMessage = SensorNode.Benchmarks.Wire.PublishedMessage;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// "wire-day": MQTT PUBLISH bytes and packets per hour over a synthesised day of a room (<see cref="RoomDay"/>),
    /// SensorNode (the real core, on a captured link and a settable clock) next to Tasmota's and ESPHome's shapes
    /// at their defaults, and the worst staleness of each quantity: for every second at which the room differs
    /// from the value a firmware last published by more than SensorNode's deadband of that quantity, the time
    /// until that firmware publishes that quantity again.
    /// </summary>
    public static class WireDayCommand
    {
        public const long DayMs = RoomDay.Seconds * 1000L;
        public const int TasmotaTelePeriodSeconds = 300;
        public const int EsphomeUpdateIntervalSeconds = 60;
        public const double Goal = 1.0 / 3.0;

        private static readonly DateTime DayStart = new DateTime(2026, 11, 25, 0, 0, 0);
        private static readonly string[] QuantityNames = { "temperature", "humidity", "pressure" };
        private static readonly Quantity[] Quantities = { Quantity.Temperature, Quantity.Humidity, Quantity.Pressure };

        /// <summary>
        /// How far past its deadband a difference is clearly a change the node must see: the node compares raw readings
        /// while subscribers see them rounded (half a digit: 0.005 °C, 0.05 %RH, 0.005 hPa), and both the reading and
        /// the last published one carry the chip's noise (3·√2·σ).
        /// </summary>
        private static readonly double[] Margins =
        {
            0.005 + 3 * Math.Sqrt(2) * RoomDay.NoiseTemperature,
            0.05 + 3 * Math.Sqrt(2) * RoomDay.NoiseHumidity,
            0.005 + 3 * Math.Sqrt(2) * RoomDay.NoisePressure,
        };

        public static Command Create()
        {
            Command command = new Command("wire-day", "bytes and packets per hour over a synthesised day of a room, and each quantity's worst staleness");
            UnexpectedWords.Refuse(command, word => "unknown option " + word);
            command.SetAction(_ => Run());
            return command;
        }

        public static int Run()
        {
            RoomDay day = new RoomDay();
            NodeConfig defaults = BenchNode.FirmwareDefaults();
            NodeConfig fiveMinuteHeartbeat = BenchNode.FirmwareDefaults();
            fiveMinuteHeartbeat.HeartbeatSeconds = 300;
            NodeConfig hourlyHeartbeat = BenchNode.FirmwareDefaults();
            hourlyHeartbeat.HeartbeatSeconds = 3600;

            DayRun sensorNode = RunSensorNode("SensorNode (defaults: by exception, heartbeat " + defaults.HeartbeatSeconds + " s, no snapshot)", defaults, day);
            DayRun everyReading = RunSensorNode("SensorNode, every reading + snapshot each cycle", BenchNode.DefaultConfig(), day);
            DayRun fiveMinutes = RunSensorNode("SensorNode, defaults but heartbeat_s 300", fiveMinuteHeartbeat, day);
            DayRun hourly = RunSensorNode("SensorNode, defaults but heartbeat_s 3600", hourlyHeartbeat, day);
            DayRun noiseless = RunSensorNode("SensorNode defaults, a noiseless chip (same day)", defaults, new RoomDay(noise: false));
            DayRun tasmota = RunTasmota(day);
            DayRun esphome = RunEsphome(day);
            DayRun[] runs = { sensorNode, everyReading, fiveMinutes, hourly, noiseless, tasmota, esphome };

            PrintDay(day, defaults);
            Console.WriteLine();
            Console.WriteLine("| firmware | PUBLISH packets per hour (mean / max hour) | bytes per hour (mean / max hour) | bytes per day | worst staleness T / RH / P (s) | 95th percentile T / RH / P (s) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (DayRun run in runs)
            {
                Console.WriteLine($"| {run.Name} | {run.MeanPacketsPerHour:0.0} / {run.MaxPacketsPerHour} | {run.MeanBytesPerHour:0} / {run.MaxBytesPerHour} | {run.BytesPerDay} "
                    + $"| {Join(run.Staleness, s => s.Worst)} | {Join(run.Staleness, s => s.P95)} |");
            }

            Console.WriteLine();
            Console.WriteLine("Tasmota (TelePeriod 300 s) and ESPHome (update_interval 60 s) have no deadband filter at their defaults:");
            Console.WriteLine("every value goes out each period, changed or not. Their values are the same noisy readings, 1 decimal.");
            Console.WriteLine($"SensorNode's defaults, of its {sensorNode.MeanPacketsPerHour:0.0} packets per hour {sensorNode.HeartbeatsPerHour:0.0} are heartbeats"
                + $" (heartbeat_s after the quantity's last publish) and {sensorNode.MeanPacketsPerHour - sensorNode.HeartbeatsPerHour:0.0} changes.");
            Console.WriteLine("Staleness counts every second at which the room is more than the deadband away from the last published value;");
            Console.WriteLine("\"never\" = that never happened.");
            Console.WriteLine();
            Console.WriteLine("Not in the table (telemetry only):");
            Console.WriteLine("  SensorNode once per connect: " + string.Join(", ", sensorNode.Connect.Select(m => m.Topic + " " + m.PacketBytes + " B")));
            foreach (DayRun run in runs.Where(r => r.Connect.Count > 0))
            {
                Console.WriteLine($"  {run.Name}: once per connect {run.Connect.Count} PUBLISH packets, {run.Connect.Sum(m => m.PacketBytes)} bytes;"
                    + $" diag every {defaults.DiagIntervalSeconds} s"
                    + $" after that: {run.Diag.Count / 24.0:0.0} packets, {run.Diag.Sum(m => m.Message.PacketBytes) / 24.0:0} bytes per hour"
                    + (run.Other.Count > 0 ? $"; other: {run.Other.Count} packets, {run.Other.Sum(m => m.Message.PacketBytes)} bytes" : ""));
            }

            Console.WriteLine("  Tasmota's tele/<topic>/STATE each TelePeriod and ESPHome's status/discovery are not counted either.");
            foreach (DayRun run in runs.Where(r => r.Staleness.Any(s => s.Censored)))
            {
                Console.WriteLine($"  {run.Name}: a difference still open at 24:00 is counted until 24:00.");
            }

            Console.WriteLine();
            PrintGoal(sensorNode, tasmota, esphome, defaults);
            PrintOtherDays(defaults, tasmota.MeanBytesPerHour * Goal);
            return 0;
        }

        /// <summary>The number of further days (seeds after <see cref="RoomDay.Seed"/>) the goal is checked on.</summary>
        public const int OtherDays = 30;

        /// <summary>SensorNode's defaults on the day of <paramref name="seed"/>: mean bytes per hour and the worst staleness of any quantity (s).</summary>
        public static (double BytesPerHour, double WorstStaleness) DefaultsOn(int seed)
        {
            DayRun run = RunSensorNode("SensorNode defaults", BenchNode.FirmwareDefaults(), new RoomDay(seed: seed));
            return (run.MeanBytesPerHour, run.Staleness.Max(s => s.Worst));
        }

        /// <summary>Tasmota's mean bytes per hour, the smaller of the two others' on every day (one message of the same shape every 300 s).</summary>
        public static double TasmotaBytesPerHour() => RunTasmota(new RoomDay()).MeanBytesPerHour;

        /// <summary>One day is one sample of the chip's noise: the same goal (<paramref name="limit"/> bytes an hour, a third of Tasmota's, whose shape does not change with the day) on <see cref="OtherDays"/> more.</summary>
        private static void PrintOtherDays(NodeConfig defaults, double limit)
        {
            var days = Enumerable.Range(RoomDay.Seed + 1, OtherDays).Select(DefaultsOn).ToList();
            int holding = days.Count(d => d.BytesPerHour <= limit && d.WorstStaleness <= defaults.PublishIntervalSeconds);
            Console.WriteLine($"The same room on {OtherDays} more days (seeds {RoomDay.Seed + 1}…{RoomDay.Seed + OtherDays}: other weather, other noise):"
                + $" the goal holds on {holding} of {OtherDays}; bytes {days.Min(d => d.BytesPerHour):0}…{days.Max(d => d.BytesPerHour):0} B/h,"
                + $" worst staleness {days.Min(d => d.WorstStaleness):0}…{days.Max(d => d.WorstStaleness):0} s");
        }

        private static void PrintDay(RoomDay day, NodeConfig defaults)
        {
            var t = Enumerable.Range(0, RoomDay.Seconds).Select(s => day.Truth(s)).ToArray();
            Console.WriteLine($"A synthesised day of a room (RoomDay, seed {RoomDay.Seed}, 1 s resolution, 00:00-24:00): heater 06:00-22:00 (thermostat 21 ± 0.3 °C),");
            Console.WriteLine($"door open 12:00-12:05; temperature {t.Min(v => v.Temperature):0.00}…{t.Max(v => v.Temperature):0.00} °C,"
                + $" humidity {t.Min(v => v.Humidity):0.0}…{t.Max(v => v.Humidity):0.0} %RH, pressure {t.Min(v => v.Pressure):0.00}…{t.Max(v => v.Pressure):0.00} hPa.");
            Console.WriteLine($"SensorNode defaults: interval_s {defaults.PublishIntervalSeconds}, heartbeat_s {defaults.HeartbeatSeconds},"
                + $" deadbands {string.Join(" / ", Quantities.Select(q => defaults.DeadbandOf(q).ToString(CultureInfo.InvariantCulture)))} (°C / %RH / hPa), snapshot off.");
            Console.WriteLine("Bytes: MQTT 3.1.1 PUBLISH packets (MqttPublishPacket), telemetry only; staleness against the room itself (no noise),");
            Console.WriteLine("with SensorNode's deadbands for every firmware.");
        }

        private static void PrintGoal(DayRun sensorNode, DayRun tasmota, DayRun esphome, NodeConfig defaults)
        {
            DayRun smaller = tasmota.MeanBytesPerHour <= esphome.MeanBytesPerHour ? tasmota : esphome;
            double limit = smaller.MeanBytesPerHour * Goal;
            double worst = sensorNode.Staleness.Max(s => s.Worst);
            bool bytesHold = sensorNode.MeanBytesPerHour <= limit;
            bool stalenessHolds = worst <= defaults.PublishIntervalSeconds;
            Console.WriteLine($"Goal: SensorNode's mean bytes/hour ≤ 1/3 of min(ESPHome, Tasmota) and worst staleness ≤ {defaults.PublishIntervalSeconds} s (one read interval): "
                + (bytesHold && stalenessHolds ? "HOLDS" : "DOES NOT HOLD"));
            Console.WriteLine($"  bytes: {sensorNode.MeanBytesPerHour:0} B/h against a limit of {limit:0} B/h (1/3 of {smaller.Name.Split(' ')[0]}'s {smaller.MeanBytesPerHour:0}): "
                + (bytesHold
                    ? $"holds, {sensorNode.MeanBytesPerHour / smaller.MeanBytesPerHour:0.00}× of {smaller.Name.Split(' ')[0]}"
                    : $"misses by {sensorNode.MeanBytesPerHour - limit:0} B/h ({sensorNode.MeanBytesPerHour / limit:0.00}× the limit, {sensorNode.MeanBytesPerHour / smaller.MeanBytesPerHour:0.00}× of {smaller.Name.Split(' ')[0]})"));
            Console.WriteLine($"  staleness: worst {Join(sensorNode.Staleness, s => s.Worst)} s (T / RH / P) against {defaults.PublishIntervalSeconds} s: "
                + (stalenessHolds ? "holds" : $"misses by {worst - defaults.PublishIntervalSeconds:0} s"));
            Console.WriteLine($"  differences beyond the deadband plus {string.Join(" / ", Margins.Select(m => m.ToString("0.000", CultureInfo.InvariantCulture)))}"
                + $" (half a published digit + 3·√2·σ of the chip's noise): worst {Join(sensorNode.Beyond, s => s.Worst)} s");
        }

        private static string Join(Staleness[] staleness, Func<Staleness, double> pick)
            => string.Join(" / ", staleness.Select(s => s.Count == 0 ? "never" : pick(s).ToString("0", CultureInfo.InvariantCulture)));

        /// <summary>A node on a captured link, its clock stepped by what <see cref="Node.Poll"/> says it may sleep.</summary>
        private static DayRun RunSensorNode(string name, NodeConfig config, RoomDay day)
        {
            FakeMqttLink link = new FakeMqttLink();
            FakeClock clock = BenchNode.Clock();
            Node node = BenchNode.Start(config, link, clock, new SilentLog(), new FakeOutput(), new FakeOutput(), BenchNode.Bme280(new RoomDayBinding(day, clock)));
            TopicScheme topics = new TopicScheme(TopicScheme.DefaultPrefix, BenchNode.NodeId);
            string readings = topics.Base + "/sensor/" + BenchNode.SensorId + "/";
            DayRun run = new DayRun(name);
            int seen = 0; // from the first message: what the node sent while it came online counts too
            while (clock.Now < DayMs)
            {
                int sleep = node.Poll();
                for (int i = seen; i < link.Published.Count; i++)
                {
                    PublishedMessage m = PublishedMessage.Of(link.Published[i]);
                    if (m.Topic.StartsWith(readings, StringComparison.Ordinal))
                    {
                        int q = Array.IndexOf(QuantityNames, m.Topic.Substring(readings.Length));
                        run.AddTelemetry(clock.Now, m);
                        if (q >= 0)
                        {
                            run.AddValue(q, clock.Now, double.Parse(m.PayloadText, CultureInfo.InvariantCulture));
                        }
                    }
                    else if (m.Topic == topics.State)
                    {
                        run.AddTelemetry(clock.Now, m);
                    }
                    else if (m.Topic == topics.Diag && clock.Now > 0)
                    {
                        run.Diag.Add((clock.Now, m));
                    }
                    else if (clock.Now == 0)
                    {
                        run.Connect.Add(m);
                    }
                    else
                    {
                        run.Other.Add((clock.Now, m));
                    }
                }

                seen = link.Published.Count;
                clock.Now += sleep > 0 ? sleep : sleep == 0 ? 1 : 1000;
            }

            link.Published.Clear();
            return run.Finish(day, config);
        }

        /// <summary>Tasmota at its defaults: one tele/&lt;topic&gt;/SENSOR JSON every TelePeriod (300 s).</summary>
        private static DayRun RunTasmota(RoomDay day)
        {
            DayRun run = new DayRun("Tasmota (TelePeriod 300 s)");
            for (long s = 0; s < RoomDay.Seconds; s += TasmotaTelePeriodSeconds)
            {
                var m = day.Measured(s);
                run.AddTelemetry(s * 1000, TasmotaShape.Sensor(m.Temperature, m.Humidity, m.Pressure, DayStart.AddSeconds(s)));
                run.AddValue(0, s * 1000, OneDecimal(m.Temperature));
                run.AddValue(1, s * 1000, OneDecimal(m.Humidity));
                run.AddValue(2, s * 1000, OneDecimal(m.Pressure));
            }

            return run.Finish(day, BenchNode.FirmwareDefaults());
        }

        /// <summary>ESPHome at its defaults: each sensor's state every update_interval (60 s).</summary>
        private static DayRun RunEsphome(RoomDay day)
        {
            DayRun run = new DayRun("ESPHome (update_interval 60 s)");
            for (long s = 0; s < RoomDay.Seconds; s += EsphomeUpdateIntervalSeconds)
            {
                var m = day.Measured(s);
                PublishedMessage[] states = EsphomeShape.States(m.Temperature, m.Humidity, m.Pressure);
                for (int q = 0; q < states.Length; q++)
                {
                    run.AddTelemetry(s * 1000, states[q]);
                    run.AddValue(q, s * 1000, double.Parse(states[q].PayloadText, CultureInfo.InvariantCulture));
                }
            }

            return run.Finish(day, BenchNode.FirmwareDefaults());
        }

        private static double OneDecimal(double value) => double.Parse(value.ToString("0.0", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>Worst and 95th-percentile staleness of one quantity, over the seconds at which it was stale.</summary>
        private readonly struct Staleness
        {
            public Staleness(double worst, double p95, int count, bool censored)
            {
                Worst = worst;
                P95 = p95;
                Count = count;
                Censored = censored;
            }

            public double Worst { get; }

            public double P95 { get; }

            public int Count { get; }

            public bool Censored { get; }
        }

        /// <summary>What one firmware published over the day.</summary>
        private sealed class DayRun
        {
            private readonly List<(long Ms, PublishedMessage Message)> _telemetry = new List<(long, PublishedMessage)>();
            private readonly List<(long Ms, double Value)>[] _values = { new List<(long, double)>(), new List<(long, double)>(), new List<(long, double)>() };
            private readonly long[] _bytesPerHour = new long[24];
            private readonly int[] _packetsPerHour = new int[24];

            public DayRun(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public List<PublishedMessage> Connect { get; } = new List<PublishedMessage>();

            public List<(long Ms, PublishedMessage Message)> Diag { get; } = new List<(long, PublishedMessage)>();

            public List<(long Ms, PublishedMessage Message)> Other { get; } = new List<(long, PublishedMessage)>();

            public Staleness[] Staleness { get; private set; }

            /// <summary>Staleness of differences beyond the deadband plus <see cref="Margins"/>.</summary>
            public Staleness[] Beyond { get; private set; }

            public double MeanPacketsPerHour => _packetsPerHour.Sum() / 24.0;

            public int MaxPacketsPerHour => _packetsPerHour.Max();

            public double MeanBytesPerHour => _bytesPerHour.Sum() / 24.0;

            public long MaxBytesPerHour => _bytesPerHour.Max();

            public long BytesPerDay => _bytesPerHour.Sum();

            public void AddTelemetry(long ms, PublishedMessage message) => _telemetry.Add((ms, message));

            public void AddValue(int quantity, long ms, double value) => _values[quantity].Add((ms, value));

            /// <summary>Publishes that came heartbeat_s or more after the quantity's previous one (its heartbeat), per hour.</summary>
            public double HeartbeatsPerHour { get; private set; }

            public DayRun Finish(RoomDay day, NodeConfig deadbands)
            {
                foreach (var (ms, message) in _telemetry)
                {
                    int hour = (int)(ms / 3_600_000);
                    _bytesPerHour[hour] += message.PacketBytes;
                    _packetsPerHour[hour]++;
                }

                Staleness = Enumerable.Range(0, 3).Select(q => Measure(day, q, deadbands.DeadbandOf(Quantities[q]))).ToArray();
                Beyond = StalenessBeyond(day, deadbands, Margins);
                HeartbeatsPerHour = Enumerable.Range(0, 3).Sum(q => Enumerable.Range(1, Math.Max(0, _values[q].Count - 1))
                    .Count(i => _values[q][i].Ms - _values[q][i - 1].Ms >= deadbands.HeartbeatSeconds * 1000L)) / 24.0;
                return this;
            }

            /// <summary>
            /// For every second t of the day at which |room(t) − last published value| &gt; deadband: the time from t
            /// to this firmware's next publish of the quantity (to 24:00 when there is none).
            /// </summary>
            public Staleness[] StalenessBeyond(RoomDay day, NodeConfig deadbands, double[] margins)
                => Enumerable.Range(0, 3).Select(q => Measure(day, q, deadbands.DeadbandOf(Quantities[q]) + margins[q])).ToArray();

            private Staleness Measure(RoomDay day, int q, double deadband)
            {
                List<(long Ms, double Value)> values = _values[q];
                List<double> stale = new List<double>();
                bool censored = false;
                int next = 0;
                double last = double.NaN;
                for (long t = 0; t < RoomDay.Seconds; t++)
                {
                    while (next < values.Count && values[next].Ms <= t * 1000)
                    {
                        last = values[next].Value;
                        next++;
                    }

                    if (double.IsNaN(last) || Math.Abs(day.Truth(t, q) - last) <= deadband)
                    {
                        continue;
                    }

                    if (next < values.Count)
                    {
                        stale.Add(values[next].Ms / 1000.0 - t);
                    }
                    else
                    {
                        stale.Add(RoomDay.Seconds - t);
                        censored = true;
                    }
                }

                if (stale.Count == 0)
                {
                    return new Staleness(0, 0, 0, false);
                }

                stale.Sort();
                return new Staleness(stale[stale.Count - 1], stale[(int)Math.Ceiling(0.95 * stale.Count) - 1], stale.Count, censored);
            }
        }
    }
}
