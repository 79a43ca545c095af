using System;
using System.IO;
using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Small files on the ESP32's internal flash file system (drive I:, nanoFramework.System.IO.FileSystem).
    /// A save writes a temporary file first, so a power cut during the write leaves the old file readable.
    /// </summary>
    public sealed class FlashSettingsStore : ISettingsStore
    {
        public const string InternalFlashRoot = "I:\\";
        private const string TemporarySuffix = ".new";
        private readonly string _root;

        public FlashSettingsStore(string root)
        {
            _root = root;
        }

        public byte[] Load(string name)
        {
            try
            {
                string path = _root + name;
                if (File.Exists(path))
                {
                    return File.ReadAllBytes(path);
                }

                // A save that lost power between delete and move left only the new file.
                return File.Exists(path + TemporarySuffix) ? File.ReadAllBytes(path + TemporarySuffix) : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        public bool Save(string name, byte[] data)
        {
            string path = _root + name;
            string temporary = path + TemporarySuffix;
            try
            {
                File.WriteAllBytes(temporary, data);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                File.Move(temporary, path);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
