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

        [DataRow("40%", 40)]
        [DataRow(" 0% ", 0)]
        [DataRow("100%", 100)]
        [DataRow("{\"level\":25}", 25)]
        [DataRow("{\"state\":\"ON\",\"level\":7}", 7)]
        public static void A_level_is_a_percent_or_a_json_level(string payload, int expectedLevel)
        {
            ActuatorCommand command = Parse(payload, null);

            Assert.IsTrue(command.Action == ActuatorAction.Level);
            Assert.AreEqual(expectedLevel, command.Level);
        }

        [TestMethod]
        public static void A_level_can_be_a_pulse()
        {
            ActuatorCommand command = Parse("{\"level\":80,\"for_ms\":500}", null);

            Assert.IsTrue(command.Action == ActuatorAction.Level);
            Assert.AreEqual(80, command.Level);
            Assert.AreEqual(500, command.ForMs);
        }

        [DataRow("101%", "a level must be a whole number from 0 to 100")]
        [DataRow("%", "a level must be")]
        [DataRow("4x%", "a level must be")]
        [DataRow("-5%", "a level must be")]
        [DataRow("99999999999%", "a level must be")]
        [DataRow("040%", "a level must be")]
        [DataRow("00%", "a level must be")]
        [DataRow("{\"level\":40.5}", "\"level\" must be a whole number from 0 to 100")]
        [DataRow("{\"level\":\"40\"}", "\"level\" must be")]
        [DataRow("{\"level\":-1}", "\"level\" must be")]
        [DataRow("{\"state\":\"OFF\",\"level\":40}", "a \"level\" goes with \"state\":\"ON\" only")]
        public static void Bad_levels_say_what_is_wrong(string payload, string expectedError)
        {
            Parse(payload, expectedError);
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
