using System.Collections;

namespace SensorNode.Tests.Soak
{
    /// <summary>The messages of one step, in order.</summary>
    public sealed class Batch
    {
        private readonly ArrayList _suffixes = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();

        public int Count
        {
            get { return _suffixes.Count; }
        }

        public void Add(string suffix, string payload)
        {
            _suffixes.Add(suffix);
            _payloads.Add(payload);
        }

        public string Suffix(int i)
        {
            return (string)_suffixes[i];
        }

        public string Payload(int i)
        {
            return (string)_payloads[i];
        }

        public int CountOn(string suffix)
        {
            int count = 0;
            for (int i = 0; i < _suffixes.Count; i++)
            {
                if ((string)_suffixes[i] == suffix)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The only payload on <paramref name="suffix"/>; null when there is none, an error text when there are several.</summary>
        public string Single(string suffix)
        {
            string found = null;
            for (int i = 0; i < _suffixes.Count; i++)
            {
                if ((string)_suffixes[i] == suffix)
                {
                    if (found != null)
                    {
                        return "(more than one message on " + suffix + ")";
                    }

                    found = (string)_payloads[i];
                }
            }

            return found;
        }

        /// <summary>How many events of this type the batch holds.</summary>
        public int Events(string type)
        {
            int count = 0;
            for (int i = 0; i < _suffixes.Count; i++)
            {
                if ((string)_suffixes[i] == "/event" && ((string)_payloads[i]).StartsWith("{\"type\":\"" + type + "\""))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
