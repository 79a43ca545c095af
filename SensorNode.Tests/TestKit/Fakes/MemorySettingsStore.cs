using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    public sealed class MemorySettingsStore : ISettingsStore
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();
        public bool FailWrites;
        /// <summary>Saves of any name (the config and the boot count).</summary>
        public int SaveCount;

        public byte[] Load(string name)
        {
            int index = _names.IndexOf(name);
            return index < 0 ? null : (byte[])_contents[index];
        }

        public bool Save(string name, byte[] data)
        {
            if (FailWrites)
            {
                return false;
            }

            SaveCount++;
            int index = _names.IndexOf(name);
            if (index < 0)
            {
                _names.Add(name);
                _contents.Add(data);
            }
            else
            {
                _contents[index] = data;
            }

            return true;
        }
    }
}
