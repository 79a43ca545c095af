using System;
using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Discovery
{
    /// <summary>
    /// The Home Assistant components the node announced last, kept in the settings store as lines
    /// "platform id", so that after a restart without a sensor or an output the node can tell Home Assistant to
    /// remove its entity. Home Assistant's documented way: the component once more in the device's announcement,
    /// with nothing but its platform.
    /// </summary>
    public sealed class AnnouncedComponents
    {
        public const string FileName = "sensornode-discovery.txt";
        /// <summary>About 70 lines of "sensor bme280_temperature": every chip the bus can hold, the outputs and diag; kept small for the ESP32's heap.</summary>
        private const int MaxTextBytes = 2048;

        private readonly ISettingsStore _store;
        private readonly string[] _previous;
        private readonly ArrayList _currentIds = new ArrayList();
        private readonly PayloadBuilder _current = new PayloadBuilder(MaxTextBytes);
        private byte[] _stored;

        /// <summary>Reads what the previous boot announced (nothing when the stored list is missing or unreadable).</summary>
        [ColdPath("once at start")]
        public AnnouncedComponents(ISettingsStore store)
        {
            _store = store;
            _stored = store.Load(FileName);
            string[] lines = Lines(_stored);
            int valid = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                if (IsComponentLine(lines[i]))
                {
                    lines[valid++] = lines[i];
                }
            }

            _previous = new string[valid];
            Array.Copy(lines, _previous, valid);
        }

        /// <summary>How many components the previous boot announced.</summary>
        public int PreviousCount
        {
            get { return _previous.Length; }
        }

        public string PreviousId(int index)
        {
            return _previous[index].Substring(_previous[index].IndexOf(' ') + 1);
        }

        public string PreviousPlatform(int index)
        {
            return _previous[index].Substring(0, _previous[index].IndexOf(' '));
        }

        /// <summary>Starts the list of this announcement's components.</summary>
        public void BeginAnnouncement()
        {
            _current.Clear();
            _currentIds.Clear();
        }

        public void Announced(string platform, string id)
        {
            _current.Append(platform).Append(' ').Append(id).Append('\n');
            _currentIds.Add(id);
        }

        /// <summary>True when this announcement has the component <paramref name="id"/>.</summary>
        public bool IsAnnounced(string id)
        {
            return _currentIds.Contains(id);
        }

        /// <summary>After the announcement went out: stores its components when they differ from the stored ones (flash writes are few).</summary>
        [ColdPath("once per announcement")]
        public void Published()
        {
            if (_current.Overflowed || SameAsStored())
            {
                return;
            }

            byte[] text = _current.ToArray();
            if (_store.Save(FileName, text))
            {
                _stored = text;
            }
        }

        private bool SameAsStored()
        {
            if (_stored == null || _stored.Length != _current.Length)
            {
                return false;
            }

            byte[] current = _current.Buffer;
            for (int i = 0; i < _stored.Length; i++)
            {
                if (_stored[i] != current[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string[] Lines(byte[] stored)
        {
            if (stored == null || stored.Length == 0 || stored.Length > MaxTextBytes || Utf8.FirstInvalidByte(stored, 0, stored.Length) >= 0)
            {
                return new string[0];
            }

            return Utf8.GetString(stored, 0, stored.Length).Split('\n');
        }

        /// <summary>"platform id": both parts non-empty, one space between.</summary>
        private static bool IsComponentLine(string line)
        {
            int space = line.IndexOf(' ');
            return space > 0 && space < line.Length - 1 && line.IndexOf(' ', space + 1) < 0;
        }
    }
}
