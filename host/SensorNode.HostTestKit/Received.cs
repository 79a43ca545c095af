using System;
using System.Diagnostics;

namespace SensorNode.HostTestKit
{
    /// <summary>One message an observer received, with the time it arrived.</summary>
    public sealed class Received
    {
        public Received(string topic, string payload, bool retained)
        {
            Topic = topic;
            Payload = payload;
            Retained = retained;
            At = Stopwatch.GetTimestamp();
        }

        public string Topic { get; }

        public string Payload { get; }

        /// <summary>True when the broker delivered a stored retained message (on subscribe).</summary>
        public bool Retained { get; }

        /// <summary>Stopwatch timestamp of arrival.</summary>
        public long At { get; }

        public override string ToString() => Topic + " " + Payload + (Retained ? " (retained)" : "");
    }
}
