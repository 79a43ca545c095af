using nanoFramework.TestFramework;
using SensorNode.Core.Mqtt;

namespace SensorNode.Tests.Mqtt
{
    [TestClass]
    public class TopicFilterTests
    {
        [DataRow("a/b/c", "a/b/c", true)]
        [DataRow("a/b/c", "a/b/d", false)]
        [DataRow("a/b/c", "a/b", false)]
        [DataRow("a/b", "a/b/c", false)]
        [DataRow("a/+/set", "a/relay/set", true)]
        [DataRow("a/+/set", "a//set", true)]
        [DataRow("a/+/set", "a/x/y/set", false)]
        [DataRow("a/+/set", "a/relay/state", false)]
        [DataRow("a/#", "a/x/y", true)]
        [DataRow("a/#", "a", true)]
        [DataRow("a/#", "b/x", false)]
        [DataRow("#", "anything/at/all", true)]
        [DataRow("+/+", "a/b", true)]
        [DataRow("+/+", "a", false)]
        public static void Filters_match_as_mqtt_says(string filter, string topic, bool matches)
        {
            Assert.AreEqual(matches, TopicFilter.Matches(filter, topic), filter + " vs " + topic);
        }
    }
}
