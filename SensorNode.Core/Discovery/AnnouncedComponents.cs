using System;
using System.Collections;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;
using SensorNode.Core.Text;

namespace SensorNode.Core.Discovery
{
    /// <summary>
    /// The Home Assistant components the node announced last, kept in the settings store as lines
    /// "platform piece:id" (the piece of the announcement it was in; a line of an older release, "platform id", was in
    /// the one announcement there was, which is now the base piece), so that after a restart without a sensor or an
    /// output the node can tell Home Assistant to remove its entity. Home Assistant's documented way: the component
    /// once more in its piece of the announcement, with nothing but its platform. A removed component stays in the list as "platform piece:id N" (gone for N boots)
    /// and its removal in every announcement for <see cref="RemovalBoots"/> boots: a Home Assistant that was
    /// offline during the first of them still hears it.
    /// </summary>
    public sealed class AnnouncedComponents
    {
        public const string FileName = "sensornode-discovery.txt";

        /// <summary>The piece of a component listed by an older release, which announced all in one message.</summary>
        public const string BasePiece = "diag";

        /// <summary>For how many boots a gone component's removal is announced.</summary>
        public const int RemovalBoots = 5;
        /// <summary>About 60 lines of "sensor bme280:bme280_temperature": every chip the bus can hold, the outputs and diag; kept small for the ESP32's heap.</summary>
        private const int MaxTextBytes = 2048;

        private readonly ISettingsStore _store;
        private readonly string[] _previous;
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
            string token = IdToken(index);
            return token.Substring(token.IndexOf(':') + 1);
        }

        /// <summary>The piece of the announcement the previous boot's component <paramref name="index"/> was in.</summary>
        public string PreviousPiece(int index)
        {
            string token = IdToken(index);
            int colon = token.IndexOf(':');
            return colon < 0 ? BasePiece : token.Substring(0, colon);
        }

        /// <summary>"piece:id", or "id" in an older release's line.</summary>
        private string IdToken(int index)
        {
            string line = _previous[index];
            int start = line.IndexOf(' ') + 1;
            int end = line.IndexOf(' ', start);
            return end < 0 ? line.Substring(start) : line.Substring(start, end - start);
        }

        public string PreviousPlatform(int index)
        {
            return _previous[index].Substring(0, _previous[index].IndexOf(' '));
        }

        /// <summary>
        /// How many boots, this one included, the previous boot's component <paramref name="index"/> has been gone
        /// for when this boot does not announce it: 1 if the previous boot announced it.
        /// </summary>
        public int GoneBoots(int index)
        {
            string line = _previous[index];
            int count = line.IndexOf(' ', line.IndexOf(' ') + 1);
            return count < 0 ? 1 : BootCount(line, count + 1) + 1;
        }

        /// <summary>This announcement removes the previous boot's component <paramref name="index"/>: listed with its count.</summary>
        public void Removed(int index)
        {
            _current.Append(PreviousPlatform(index)).Append(' ').Append(PreviousPiece(index)).Append(':').Append(PreviousId(index)).Append(' ').AppendInteger(GoneBoots(index)).Append('\n');
        }

        /// <summary>Starts the list of this announcement's components.</summary>
        public void BeginAnnouncement()
        {
            _current.Clear();
        }

        public void Announced(string platform, string piece, string id)
        {
            _current.Append(platform).Append(' ').Append(piece).Append(':').Append(id).Append('\n');
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

        /// <summary>"platform id" (both parts non-empty, one space between), or "platform id N" with N from 1 to <see cref="RemovalBoots"/>.</summary>
        private static bool IsComponentLine(string line)
        {
            int space = line.IndexOf(' ');
            if (space <= 0 || space >= line.Length - 1)
            {
                return false;
            }

            int count = line.IndexOf(' ', space + 1);
            if (count < 0)
            {
                return true;
            }

            int boots = BootCount(line, count + 1);
            return count > space + 1 && boots >= 1 && boots <= RemovalBoots;
        }

        /// <summary>The whole number line[start..] spells in digits alone, or -1.</summary>
        private static int BootCount(string line, int start)
        {
            if (start >= line.Length || line.Length - start > 2)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < line.Length; i++)
            {
                int digit = line[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value;
        }
    }
}
