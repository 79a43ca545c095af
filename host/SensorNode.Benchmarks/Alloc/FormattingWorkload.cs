using System;
using SensorNode.Core.Text;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// The formatting of one telemetry cycle without the node around it: the three reading payloads and a
    /// document shaped like the state snapshot, through <see cref="PayloadBuilder"/> into buffers made once.
    /// </summary>
    public sealed class FormattingWorkload
    {
        private static readonly DateTime Time = new DateTime(2026, 11, 24, 20, 15, 0, DateTimeKind.Utc);
        private readonly PayloadBuilder _value = new PayloadBuilder(32);
        private readonly PayloadBuilder _document = new PayloadBuilder(1536);
        private long _sequence;

        /// <summary>"21.53", "45.2", "1013.27": one plain-number payload per quantity. Returns the bytes written.</summary>
        public int FormatReadings()
        {
            int bytes = _value.Clear().AppendFixed(BenchNode.Temperature, 2).Length;
            bytes += _value.Clear().AppendFixed(BenchNode.Humidity, 1).Length;
            bytes += _value.Clear().AppendFixed(BenchNode.Pressure, 2).Length;
            return bytes;
        }

        /// <summary>A snapshot-shaped JSON document: integers, an ISO 8601 time, keys, decimals, strings.</summary>
        public int FormatSnapshot()
        {
            _sequence++;
            _document.Clear().Append('{').AppendJsonKey("seq").AppendInteger(_sequence)
                .Append(',').AppendJsonKey("time").Append('"').AppendIso8601Utc(Time).Append('"')
                .Append(',').AppendJsonKey("uptime_ms").AppendInteger(86400000 + _sequence)
                .Append(',').AppendJsonKey("sensors").Append('{').AppendJsonKey(BenchNode.SensorId).Append('{')
                .AppendJsonKey("temperature").AppendFixed(BenchNode.Temperature, 2)
                .Append(',').AppendJsonKey("humidity").AppendFixed(BenchNode.Humidity, 1)
                .Append(',').AppendJsonKey("pressure").AppendFixed(BenchNode.Pressure, 2)
                .Append('}').Append('}')
                .Append(',').AppendJsonKey("actuators").Append('{')
                .AppendJsonKey("relay").AppendJsonString("OFF")
                .Append(',').AppendJsonKey("led").AppendJsonString("ON")
                .Append('}').Append('}');
            return _document.Length;
        }
    }
}
