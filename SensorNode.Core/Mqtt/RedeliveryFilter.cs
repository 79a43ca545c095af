using SensorNode.Core.Text;

namespace SensorNode.Core.Mqtt
{
    /// <summary>
    /// Remembers the last few commands carried out, so a QoS 1 redelivery of one of them (the broker sets DUP when it
    /// did not see our acknowledgement, e.g. the connection died first) does not switch an output twice. Holds
    /// references to the payloads already received: nothing is copied.
    /// </summary>
    public sealed class RedeliveryFilter
    {
        public const int Remembered = 8;
        private readonly string[] _topics = new string[Remembered];
        private readonly byte[][] _payloads = new byte[Remembered][];
        private int _next;

        public RedeliveryFilter()
        {
            // Every element written: nanoCLR crashes comparing an unwritten string[] element (docs/nanoframework.md).
            byte[] none = new byte[0];
            for (int i = 0; i < Remembered; i++)
            {
                _topics[i] = "";
                _payloads[i] = none;
            }
        }

        public void Carried(string topic, byte[] payload)
        {
            _topics[_next] = topic;
            _payloads[_next] = payload;
            _next = (_next + 1) % Remembered;
        }

        /// <summary>True when a message flagged DUP equals a command carried out lately.</summary>
        public bool IsRedelivery(string topic, byte[] payload)
        {
            for (int i = 0; i < Remembered; i++)
            {
                if (_topics[i] == topic && Bytes.Same(_payloads[i], payload))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
