using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Mqtt;

namespace SensorNode.Tests.Mqtt
{
    [TestClass]
    public class TopicSchemeTests
    {
        [TestMethod]
        public static void Default_prefix_gives_sensornode_slash_node_id()
        {
            NodeConfig config = new NodeConfig("a1b2c3");
            TopicScheme topics = new TopicScheme(config.TopicPrefix, config.NodeId);

            Assert.AreEqual("sensornode", TopicScheme.DefaultPrefix);
            Assert.AreEqual("sensornode/a1b2c3", topics.Base);
            Assert.AreEqual("sensornode/a1b2c3/status", topics.Status);
            Assert.AreEqual("sensornode/a1b2c3/state", topics.State);
            Assert.AreEqual("sensornode/a1b2c3/event", topics.Event);
            Assert.AreEqual("sensornode/a1b2c3/config/set", topics.ConfigSet);
            Assert.AreEqual("sensornode/a1b2c3/actuator/+/set", topics.ActuatorSetFilter);
            Assert.AreEqual("sensornode/a1b2c3/sensor/bme280/temperature", topics.SensorReading("bme280", "temperature"));
            Assert.AreEqual("sensornode/a1b2c3/actuator/relay/state", topics.ActuatorState("relay"));
        }

        [TestMethod]
        public static void Actuator_id_is_taken_from_set_topics_only()
        {
            TopicScheme topics = new TopicScheme("home/sensors", "n1");

            Assert.AreEqual("relay", topics.ActuatorIdFromSetTopic("home/sensors/n1/actuator/relay/set"));
            Assert.IsNull(topics.ActuatorIdFromSetTopic("home/sensors/n1/actuator/relay/state"));
            Assert.IsNull(topics.ActuatorIdFromSetTopic("home/sensors/n1/actuator//set"));
            Assert.IsNull(topics.ActuatorIdFromSetTopic("home/sensors/n1/actuator/a/b/set"));
            Assert.IsNull(topics.ActuatorIdFromSetTopic("other/n1/actuator/relay/set"));
        }

        [DataRow("sensornode", true)]
        [DataRow("home/sensors", true)]
        [DataRow("", false)]
        [DataRow("home/+", false)]
        [DataRow("home/#", false)]
        [DataRow("/home", false)]
        [DataRow("home//x", false)]
        public static void Prefix_validation(string prefix, bool valid)
        {
            Assert.AreEqual(valid, TopicScheme.IsValidPrefix(prefix));
        }
    }
}
