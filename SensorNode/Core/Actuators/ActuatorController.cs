using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Events;
using SensorNode.Core.Mqtt;

namespace SensorNode.Core.Actuators
{
    /// <summary>
    /// Turns "{base}/actuator/{id}/set" messages into output changes and reports every resulting state, retained,
    /// on "{base}/actuator/{id}/state".
    /// </summary>
    public sealed class ActuatorController
    {
        /// <summary>Commands are a few bytes; anything bigger is a mistake or abuse and is rejected unparsed.</summary>
        public const int MaxCommandBytes = 256;
        private static readonly byte[] OnBytes = { (byte)'O', (byte)'N' };
        private static readonly byte[] OffBytes = { (byte)'O', (byte)'F', (byte)'F' };

        private readonly Actuator[] _actuators;
        private readonly IMqttLink _link;
        private readonly EventPublisher _events;
        private readonly ILog _log;
        private string[] _stateTopics;
        private TopicScheme _topics;

        public ActuatorController(ArrayList actuators, IMqttLink link, EventPublisher events, ILog log)
        {
            _actuators = new Actuator[actuators.Count];
            actuators.CopyTo(_actuators, 0);
            _link = link;
            _events = events;
            _log = log;
        }

        public bool AcceptRetainedCommands { get; set; }

        public static string StateText(bool on)
        {
            return on ? "ON" : "OFF";
        }

        public void UseTopics(TopicScheme topics)
        {
            _topics = topics;
            _stateTopics = new string[_actuators.Length];
            for (int i = 0; i < _actuators.Length; i++)
            {
                _stateTopics[i] = topics.ActuatorState(_actuators[i].Id);
            }
        }

        /// <summary>Handles a message on an actuator "/set" topic whose id has been taken from the topic.</summary>
        public void HandleCommand(string topic, string actuatorId, byte[] payload, bool retained, long nowMs)
        {
            if (retained && !AcceptRetainedCommands)
            {
                _events.Info(EventTypes.CommandIgnored, topic, "retained command ignored (accept_retained_commands is off)");
                return;
            }

            int index = IndexOf(actuatorId);
            if (index < 0)
            {
                _events.Error(EventTypes.CommandRejected, topic, "unknown actuator \"" + actuatorId + "\"" + KnownIds());
                return;
            }

            if (payload.Length > MaxCommandBytes)
            {
                _events.Error(EventTypes.CommandRejected, topic, "payload of " + payload.Length + " bytes exceeds the " + MaxCommandBytes + "-byte limit");
                return;
            }

            ActuatorCommand command;
            string error = ActuatorCommandParser.TryParse(payload, payload.Length, out command);
            if (error != null)
            {
                _events.Error(EventTypes.CommandRejected, topic, error);
                return;
            }

            Actuator actuator = _actuators[index];
            actuator.Apply(command, nowMs);
            _log.Info(actuator.Id + " -> " + StateText(actuator.IsOn) + (command.ForMs > 0 ? " for " + command.ForMs + " ms" : ""));
            PublishState(index);
        }

        /// <summary>Ends pulses that are due and reports the changes.</summary>
        public void Poll(long nowMs)
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                if (_actuators[i].Poll(nowMs))
                {
                    _log.Info(_actuators[i].Id + " -> " + StateText(_actuators[i].IsOn) + " (pulse ended)");
                    PublishState(i);
                }
            }
        }

        /// <summary>After every (re)connect: the broker's retained states must match the outputs.</summary>
        public void PublishAllStates()
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                PublishState(i);
            }
        }

        /// <summary>Before an orderly stop: every output to its safe state, reported while still connected.</summary>
        public void GoSafe()
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                _actuators[i].GoSafe();
                PublishState(i);
            }
        }

        /// <summary>Milliseconds until the next pulse ends, or -1 when none runs.</summary>
        public long MsUntilNextPulseEnds(long nowMs)
        {
            long soonest = -1;
            for (int i = 0; i < _actuators.Length; i++)
            {
                long wait = _actuators[i].MsUntilPulseEnds(nowMs);
                if (wait >= 0 && (soonest < 0 || wait < soonest))
                {
                    soonest = wait;
                }
            }

            return soonest;
        }

        private void PublishState(int index)
        {
            if (!_link.IsConnected)
            {
                return; // published again after the reconnect
            }

            byte[] state = _actuators[index].IsOn ? OnBytes : OffBytes;
            _link.Publish(_stateTopics[index], state, state.Length, MqttQos.AtLeastOnce, true);
        }

        private int IndexOf(string id)
        {
            for (int i = 0; i < _actuators.Length; i++)
            {
                if (_actuators[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private string KnownIds()
        {
            if (_actuators.Length == 0)
            {
                return " (this node has no actuators)";
            }

            string list = " (known: ";
            for (int i = 0; i < _actuators.Length; i++)
            {
                list += (i > 0 ? ", " : "") + _actuators[i].Id;
            }

            return list + ")";
        }
    }
}
