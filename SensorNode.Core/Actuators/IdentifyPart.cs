using SensorNode.Core.Entities;
using SensorNode.Core.Events;
using SensorNode.Core.Memory;
using SensorNode.Core.Mqtt;
using SensorNode.Core.Parts;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// "Which of these boxes is node 7?": any message on "{base}/identify" (Home Assistant's identify button sends
    /// "PRESS") blinks an output of the board — an LED — <see cref="Toggles"/> times, <see cref="BlinkMs"/> apart, and
    /// leaves it as it was. Each blink is a TOGGLE command handed to the node, so it takes the actuators' own path:
    /// their grammar, failsafes, state echo and log.
    /// </summary>
    public sealed class IdentifyPart : INodePart, IEntitySource
    {
        public const int BlinkMs = 500;

        /// <summary>An even number, so the output ends as it began.</summary>
        public const int Toggles = 6;

        private const int MaxPayloadBytes = 16;
        private static readonly byte[] Toggle = { (byte)'T', (byte)'O', (byte)'G', (byte)'G', (byte)'L', (byte)'E' };

        private readonly NodeContext _node;
        private string _outputId;
        private readonly Entity _button = Entity.ForButton("identify");
        private InboundTopic[] _inbound;
        private string _outputSetTopic;
        private int _togglesLeft;
        private long _nextToggleMs;

        /// <param name="outputId">The output that blinks: a switch or a dimmer of the board ("led").</param>
        public IdentifyPart(NodeContext node, string outputId)
        {
            _node = node;
            _outputId = outputId;
        }

        public InboundTopic[] Inbound
        {
            get { return _inbound; }
        }

        /// <summary>The button, when the node has the output (a board without it gets no button, and the log says so).</summary>
        public void DeclareEntities(EntityRegistry entities)
        {
            if (entities.Find("outputs", _outputId) == null)
            {
                _node.Log.Warn("identify: the board has no output " + _outputId + "; no identify button");
                _outputId = null;
                return;
            }

            entities.Add(_button);
        }

        public void UseTopics(TopicScheme topics)
        {
            if (_outputId == null)
            {
                _inbound = new InboundTopic[0];
                return;
            }

            _button.CommandTopic = topics.Base + "/identify";
            _outputSetTopic = topics.ActuatorSet(_outputId);
            _inbound = new InboundTopic[] { new InboundTopic(_button.CommandTopic, MaxPayloadBytes, EventTypes.CommandRejected, "identify") };
        }

        /// <summary>A press (again) starts the blinking from the beginning.</summary>
        [ColdPath("identify is pressed by people, rarely")]
        public void OnMessage(int inbound, string topic, byte[] payload, long nowMs)
        {
            if (_togglesLeft % 2 == 1)
            {
                _togglesLeft = Toggles + 1; // mid-blink: the extra toggle brings the output back first
            }
            else
            {
                _togglesLeft = Toggles;
            }

            _nextToggleMs = nowMs;
            _node.Log.Info("identify: blinking " + _outputId);
        }

        public void OnConnected(long nowMs)
        {
        }

        public void Poll(long nowMs)
        {
            if (_togglesLeft == 0 || nowMs < _nextToggleMs)
            {
                return;
            }

            _togglesLeft--;
            _nextToggleMs = nowMs + BlinkMs;
            _node.Commands.Submit(_outputSetTopic, Toggle);
        }

        public long MsUntilWork(long nowMs)
        {
            return _togglesLeft == 0 ? -1 : Waits.Until(_nextToggleMs, nowMs);
        }

        public void OnStop()
        {
        }
    }
}
