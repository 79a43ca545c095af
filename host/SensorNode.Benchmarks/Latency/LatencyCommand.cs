using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using MQTTnet;
using SensorNode.Benchmarks.Fakes;
using SensorNode.CommandLine;
using SensorNode.Core;
using SensorNode.Core.Config;
using SensorNode.HostBoard;
using SensorNode.HostBoard.Brokers;
using SensorNode.HostBoard.Mqtt;
using SensorNode.HostTestKit;
using SensorNode.Tests.Fakes;

namespace SensorNode.Benchmarks.Latency
{
    /// <summary>
    /// "latency": command → output latency through a private mosquitto on loopback. A node runs
    /// in-process on the host board's MQTTnet link with a timestamping relay output; an independent client
    /// publishes TOGGLE and the time to the output write is taken. Interleaved with each command, the same client
    /// publishes to a topic a second client subscribes to: the broker's own publish → receive baseline, in the
    /// same run under the same conditions.
    /// </summary>
    public static class LatencyCommand
    {
        private const int WarmUpCommands = 100;
        private const int ArrivalTimeoutMs = 5_000;
        private const int MaxTimeouts = 10;
        private const string BaselineTopic = "sensornode-bench/baseline";

        public static Command Create()
        {
            Option<int> count = CommandLineOptions.WholeNumberFrom("--count", "N", "measured commands (after " + WarmUpCommands + " warm-up ones)",
                LatencyOptions.MinimumCommands, LatencyOptions.MinimumCommands);
            Option<int> gap = CommandLineOptions.WholeNumberFrom("--gap-ms", "N", "pause before each command, in ms", 0, 0);
            Option<bool> noDelay = CommandLineOptions.Flag("--tcp-nodelay", "mosquitto with set_tcp_nodelay true (its default is Nagle's algorithm on)");
            Command command = new Command("latency", "command → output latency through a private mosquitto, beside mosquitto's own") { count, gap, noDelay };
            UnexpectedWords.Refuse(command, word => "unknown option " + word);
            command.SetAction(parsed => Run(new LatencyOptions(parsed.GetValue(count), parsed.GetValue(gap), parsed.GetValue(noDelay))));
            return command;
        }

        public static int Run(LatencyOptions options)
        {
            // Ctrl+C or a kill must end the run in order, so that mosquitto is stopped too.
            using CancellationTokenSource interrupted = new CancellationTokenSource();
            Action<PosixSignalContext> stopMeasuring = context =>
            {
                context.Cancel = true;
                interrupted.Cancel();
            };
            using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, stopMeasuring);
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, stopMeasuring);
            return Measure(options, interrupted.Token);
        }

        private static int Measure(LatencyOptions options, CancellationToken interrupted)
        {
            // Disposed in reverse order: node stopped (offline published), clients disconnected, broker stopped.
            using MosquittoBroker broker = MosquittoBroker.Start(options.BrokerTcpNoDelay);
            Console.WriteLine($"mosquitto (pid {broker.ProcessId}) on {broker.Host}:{broker.Port}");

            NodeConfig config = BenchNode.DefaultConfig();
            config.BrokerHost = broker.Host;
            config.BrokerPort = broker.Port;
            TimestampingOutput relay = new TimestampingOutput();
            Node node = BenchNode.Start(config, new MqttNetLink(), new HostClock(), new ConsoleProblemLog(), relay, new FakeOutput());

            // Two independent clients (MQTT 3.1.1) on the bench's side of the broker: one sends the commands, the other
            // receives the baseline messages, each arrival marked first on MQTTnet's receive path.
            ArrivalSignal baselineArrivals = new ArrivalSignal();
            using ManualResetEventSlim online = new ManualResetEventSlim(false);
            using Observer commander = Observer.Watch(broker, node.Topics.Status, status =>
            {
                if (status.Payload == "online")
                {
                    online.Set();
                }
            });
            using Observer receiver = Observer.Watch(broker, BaselineTopic, _ => baselineArrivals.Mark());

            using NodeLoop loop = new NodeLoop(node);
            if (!online.Wait(TimeSpan.FromSeconds(15), interrupted))
            {
                throw new TimeoutException("the node did not report online within 15 s");
            }

            MqttApplicationMessage toggle = Observer.Message(node.Topics.ActuatorSet("relay"), "TOGGLE");
            MqttApplicationMessage baseline = Observer.Message(BaselineTopic, "TOGGLE");
            List<long> nodeSamples = new List<long>();
            List<long> baselineSamples = new List<long>();
            int timeouts = 0;
            for (int i = 0; i < WarmUpCommands + options.Commands && !interrupted.IsCancellationRequested; i++)
            {
                bool measured = i >= WarmUpCommands;
                if (options.GapMs > 0)
                {
                    interrupted.WaitHandle.WaitOne(options.GapMs);
                }

                timeouts += TimeOne(commander, toggle, relay.Writes, measured ? nodeSamples : null);
                timeouts += TimeOne(commander, baseline, baselineArrivals, measured ? baselineSamples : null);
                if (timeouts > MaxTimeouts)
                {
                    throw new TimeoutException($"more than {MaxTimeouts} arrivals missed the {ArrivalTimeoutMs} ms wait; giving up");
                }
            }

            if (interrupted.IsCancellationRequested)
            {
                Console.Error.WriteLine($"interrupted after {nodeSamples.Count} measured commands; no figures reported");
                return 1;
            }

            Report(options, broker.Version, new LatencyStatistics(baselineSamples), new LatencyStatistics(nodeSamples), timeouts);
            return 0;
        }

        /// <summary>Publishes one message and waits for the next arrival; returns 1 when it did not come in time.</summary>
        private static int TimeOne(Observer publisher, MqttApplicationMessage message, ArrivalSignal arrivals, List<long> samples)
        {
            int next = arrivals.Count;
            long sent = Stopwatch.GetTimestamp();
            publisher.Publish(message);
            if (!arrivals.WaitFor(next, ArrivalTimeoutMs, out long arrived))
            {
                return 1;
            }

            samples?.Add(arrived - sent);
            return 0;
        }

        private static void Report(LatencyOptions options, string brokerVersion, LatencyStatistics baseline, LatencyStatistics node, int timeouts)
        {
            Console.WriteLine($"mosquitto {brokerVersion} on loopback with {(options.BrokerTcpNoDelay ? "set_tcp_nodelay true" : "default socket options")}, "
                + $"{Environment.ProcessorCount} logical cores");
            Console.WriteLine($"{options.Commands} measured messages of each kind after {WarmUpCommands} warm-up ones, interleaved, "
                + $"{(options.GapMs > 0 ? $"{options.GapMs} ms pause before each command" : "back to back")}; QoS 1; {timeouts} timeout(s)");
            Console.WriteLine();
            Console.WriteLine("| path | samples | median ms | p99 ms | min ms | mean ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Row("mosquitto alone: client publish → subscribed client receives", baseline);
            Row("SensorNode: client publishes TOGGLE → relay output written", node);
            Console.WriteLine();
            Console.WriteLine($"the node's share (difference of medians): {node.MedianMs - baseline.MedianMs:0.000} ms");
        }

        private static void Row(string path, LatencyStatistics s)
        {
            Console.WriteLine($"| {path} | {s.Count} | {s.MedianMs:0.000} | {s.P99Ms:0.000} | {s.MinMs:0.000} | {s.MeanMs:0.000} | {s.MaxMs:0.000} |");
        }
    }
}
