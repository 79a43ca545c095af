using nanoFramework.TestFramework;
using SensorNode.Core.Actuators;
using SensorNode.Core.Text;

namespace SensorNode.Tests.Actuators
{
    [TestClass]
    public class ActuatorCommandParserTests
    {
        [DataRow("ON", 0)]
        [DataRow("on", 0)]
        [DataRow(" On \n", 0)]
        [DataRow("OFF", 1)]
        [DataRow("off", 1)]
        [DataRow("TOGGLE", 2)]
        [DataRow("toggle", 2)]
        public static void Plain_commands_are_case_insensitive(string payload, int expectedAction)
        {
            ActuatorCommand command = Parse(payload, null);

            Assert.AreEqual(expectedAction, (int)command.Action);
            Assert.AreEqual(0, command.ForMs);
        }

        [TestMethod]
        public static void Json_with_for_ms_is_a_pulse()
        {
            ActuatorCommand command = Parse("{\"state\":\"on\",\"for_ms\":500}", null);

            Assert.IsTrue(command.Action == ActuatorAction.On);
            Assert.AreEqual(500, command.ForMs);
        }

        [TestMethod]
        public static void Json_without_for_ms_is_a_plain_switch()
        {
            ActuatorCommand command = Parse("{ \"state\": \"TOGGLE\" }", null);

            Assert.IsTrue(command.Action == ActuatorAction.Toggle);
            Assert.AreEqual(0, command.ForMs);
        }

        [DataRow("", "empty command")]
        [DataRow("   ", "empty command")]
        [DataRow("1", "unknown command '1'")]
        [DataRow("ONN", "unknown command")]
        [DataRow("{\"state\":\"DIM\"}", "\"state\" must be")]
        [DataRow("{\"for_ms\":500}", "missing \"state\"")]
        [DataRow("{\"state\":\"ON\",\"for_ms\":0}", "\"for_ms\" must be a whole number")]
        [DataRow("{\"state\":\"ON\",\"for_ms\":1.5}", "\"for_ms\" must be a whole number")]
        [DataRow("{\"state\":\"ON\",\"for_ms\":86400001}", "\"for_ms\" must be a whole number")]
        [DataRow("{\"state\":\"ON\",\"for_ms\":\"500\"}", "\"for_ms\" must be a whole number")]
        [DataRow("{\"state\":\"ON\",\"color\":\"red\"}", "unknown key \"color\"")]
        [DataRow("{\"state\":\"ON\"", "malformed JSON")]
        public static void Bad_commands_say_what_is_wrong(string payload, string expectedError)
        {
            Parse(payload, expectedError);
        }

        private static ActuatorCommand Parse(string payload, string expectedError)
        {
            byte[] bytes = Utf8.GetBytes(payload);
            ActuatorCommand command = new ActuatorCommand();
            string error = ActuatorCommandParser.TryParse(bytes, bytes.Length, command);
            if (expectedError == null)
            {
                Assert.IsNull(error, "unexpected error: " + error);
            }
            else
            {
                Assert.IsNotNull(error, "accepted: " + payload);
                Assert.Contains(expectedError, error);
            }

            return command;
        }
    }
}
