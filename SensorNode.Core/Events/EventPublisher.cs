using SensorNode.Core.Board;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Text;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Events
{
    /// <summary>
    /// Reports what went wrong (or notably right) as JSON on "{base}/event", not retained, and in the log:
    /// {"type":"command_rejected","topic":"...","error":"..."}.
    /// </summary>
    public sealed class EventPublisher
    {
        private const int MaxEventBytes = 768;
        private readonly IMqttLink _link;
        private readonly ILog _log;
        private readonly PayloadBuilder _payload = new PayloadBuilder(MaxEventBytes);
        private readonly object _sync = new object();
        private TopicScheme _topics;

        public EventPublisher(IMqttLink link, ILog log, TopicScheme topics)
        {
            _link = link;
            _log = log;
            _topics = topics;
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
        }

        /// <summary>An error: logged as one and published with an "error" member.</summary>
        [ColdPath("events report what is rare: errors, rejections, changes")]
        public void Error(string type, string topic, string error)
        {
            _log.Error(type + (topic == null ? "" : " on " + topic) + ": " + error);
            Publish(type, topic, "error", error);
        }

        /// <summary>A notable happening that is not an error: published with a "message" member.</summary>
        [ColdPath("events report what is rare: errors, rejections, changes")]
        public void Info(string type, string topic, string message)
        {
            _log.Info(type + (topic == null ? "" : " on " + topic) + ": " + message);
            Publish(type, topic, "message", message);
        }

        private void Publish(string type, string topic, string textKey, string text)
        {
            // No IsConnected check: an event about a message delivered before the node's probe came back must get out
            // too; the link refuses it only when the connection is not the main loop's.
            lock (_sync)
            {
                _payload.Clear().Append('{').AppendJsonKey("type").AppendJsonString(type);
                if (topic != null)
                {
                    _payload.Append(',').AppendJsonKey("topic").AppendJsonString(topic);
                }

                _payload.Append(',').AppendJsonKey(textKey).AppendJsonString(text).Append('}');
                if (_payload.Overflowed)
                {
                    // A very long error text (e.g. echoing a huge payload) is cut to what the buffer holds.
                    _payload.Clear().Append('{').AppendJsonKey("type").AppendJsonString(type)
                        .Append(',').AppendJsonKey(textKey).AppendJsonString("(text too long to publish, see log)").Append('}');
                }

                _link.Publish(_topics.Event, _payload.Buffer, _payload.Length, MqttQos.AtLeastOnce, false);
            }
        }
    }
}
