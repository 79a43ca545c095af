namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// Every topic the node uses, derived once from prefix and node id so the main loop builds no strings.
    /// docs/mqtt.md is the reference for what each one carries.
    /// </summary>
    public sealed class TopicScheme
    {
        public const string DefaultPrefix = "sensornode";
        private const string ActuatorSegment = "/actuator/";
        private const string SetSuffix = "/set";

        public TopicScheme(string prefix, string nodeId)
        {
            Base = prefix + "/" + nodeId;
            Status = Base + "/status";
            State = Base + "/state";
            Event = Base + "/event";
            Diag = Base + "/diag";
            History = Base + "/history";
            Config = Base + "/config";
            ConfigSet = Config + SetSuffix;
            Probe = Base + "/probe";
            ActuatorSetFilter = Base + ActuatorSegment + "+" + SetSuffix;
        }

        public string Base { get; }

        /// <summary>"online" / "offline", retained; also the Last-Will topic.</summary>
        public string Status { get; }

        /// <summary>Retained JSON snapshot of one telemetry cycle.</summary>
        public string State { get; }

        /// <summary>Not retained: errors and notable happenings as JSON.</summary>
        public string Event { get; }

        /// <summary>Retained JSON of the node's diagnostics (firmware, uptime, boots, connection, memory).</summary>
        public string Diag { get; }

        /// <summary>Never retained: readings taken while the node was offline, published after the reconnect.</summary>
        public string History { get; }

        /// <summary>Retained JSON of the active configuration (secrets masked).</summary>
        public string Config { get; }

        /// <summary>Where new configuration arrives.</summary>
        public string ConfigSet { get; }

        /// <summary>Not retained: the node's own reachability probe, published and subscribed by the node after every connect.</summary>
        public string Probe { get; }

        /// <summary>Subscription filter covering every actuator's command topic, known or not.</summary>
        public string ActuatorSetFilter { get; }

        /// <summary>Retained "online"/"offline": whether the sensor reads (Home Assistant's per-sensor availability).</summary>
        public string SensorAvailability(string sensorId)
        {
            return Base + "/status/" + sensorId;
        }

        public string SensorReading(string sensorId, string quantity)
        {
            return Base + "/sensor/" + sensorId + "/" + quantity;
        }

        public string ActuatorSet(string actuatorId)
        {
            return Base + ActuatorSegment + actuatorId + SetSuffix;
        }

        public string ActuatorState(string actuatorId)
        {
            return Base + ActuatorSegment + actuatorId + "/state";
        }

        /// <summary>
        /// The actuator id in "{base}/actuator/{id}/set", or null when the topic is not an actuator command.
        /// </summary>
        public string ActuatorIdFromSetTopic(string topic)
        {
            string head = Base + ActuatorSegment;
            if (topic == null || !topic.StartsWith(head) || !topic.EndsWith(SetSuffix))
            {
                return null;
            }

            int idLength = topic.Length - head.Length - SetSuffix.Length;
            if (idLength <= 0)
            {
                return null;
            }

            string id = topic.Substring(head.Length, idLength);
            return id.IndexOf('/') >= 0 ? null : id;
        }

        /// <summary>
        /// True when <paramref name="segment"/> can stand as one topic level: not empty, no '/', '+', '#'.
        /// </summary>
        public static bool IsValidSegment(string segment)
        {
            if (segment == null || segment.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < segment.Length; i++)
            {
                char c = segment[i];
                if (c == '/' || c == '+' || c == '#' || c < ' ')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A prefix may have several levels ("home/sensors") but no wildcards or empty levels.</summary>
        public static bool IsValidPrefix(string prefix)
        {
            // '$' topics ($SYS/...) are the broker's own: clients may not publish there, and '#' does not match them.
            if (prefix == null || prefix.Length == 0 || prefix[0] == '$')
            {
                return false;
            }

            int start = 0;
            for (int i = 0; i <= prefix.Length; i++)
            {
                if (i == prefix.Length || prefix[i] == '/')
                {
                    if (!IsValidSegment(prefix.Substring(start, i - start)))
                    {
                        return false;
                    }

                    start = i + 1;
                }
            }

            return true;
        }
    }
}
