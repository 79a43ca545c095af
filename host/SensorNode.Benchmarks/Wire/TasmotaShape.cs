using System;
using System.Globalization;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// The same readings as Tasmota publishes them each TelePeriod: one JSON message on tele/%topic%/SENSOR with
    /// the default topic "tasmota_" + the MAC's last three bytes in upper-case hex, local time without zone,
    /// the default resolutions (TempRes, HumRes, PressRes = 1 decimal), the dew point it adds for
    /// temperature + humidity sensors, and the unit members. QoS 0, not retained (SensorRetain off).
    /// Tasmota also publishes tele/%topic%/STATE (uptime, heap, Wi-Fi) each TelePeriod; that is not counted here.
    /// </summary>
    public static class TasmotaShape
    {
        public const string Topic = "tele/tasmota_A1B2C3/SENSOR";

        public static PublishedMessage Sensor(double temperature, double humidity, double pressure, DateTime localTime)
        {
            string json = "{\"Time\":\"" + localTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "\","
                + "\"BME280\":{\"Temperature\":" + OneDecimal(temperature)
                + ",\"Humidity\":" + OneDecimal(humidity)
                + ",\"DewPoint\":" + OneDecimal(DewPoint(temperature, humidity))
                + ",\"Pressure\":" + OneDecimal(pressure) + "},"
                + "\"PressureUnit\":\"hPa\",\"TempUnit\":\"C\"}";
            return new PublishedMessage(Topic, json, MqttQos.AtMostOnce, false);
        }

        /// <summary>Magnus formula (constants 17.62 and 243.12 °C, WMO over water); only its length matters here.</summary>
        public static double DewPoint(double temperature, double humidity)
        {
            const double A = 17.62;
            const double B = 243.12;
            double gamma = Math.Log(humidity / 100.0) + A * temperature / (B + temperature);
            return B * gamma / (A - gamma);
        }

        private static string OneDecimal(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
