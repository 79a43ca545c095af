using System.Globalization;
using SensorNode.Core.Mqtt;

namespace SensorNode.Benchmarks.Wire
{
    /// <summary>
    /// The same readings as ESPHome publishes them: one message per sensor on
    /// "&lt;topic_prefix&gt;/sensor/&lt;object_id&gt;/state", where topic_prefix defaults to the node name (here
    /// "sensornode-a1b2c3", as long as SensorNode's base topic) and object_id is the sensor's name made
    /// lower-case with '_' for spaces ("BME280 Temperature"). The bme280 platform's default accuracy_decimals is
    /// 1 for all three quantities. QoS 0, retained (ESPHome's default).
    /// </summary>
    public static class EsphomeShape
    {
        public const string NodeName = "sensornode-a1b2c3";

        public static PublishedMessage[] States(double temperature, double humidity, double pressure)
        {
            return new[]
            {
                State("bme280_temperature", temperature),
                State("bme280_humidity", humidity),
                State("bme280_pressure", pressure),
            };
        }

        private static PublishedMessage State(string objectId, double value)
        {
            string topic = NodeName + "/sensor/" + objectId + "/state";
            return new PublishedMessage(topic, value.ToString("0.0", CultureInfo.InvariantCulture), MqttQos.AtMostOnce, true);
        }
    }
}
