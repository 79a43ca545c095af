using System.IO;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>
    /// The node's flash on the PC: one file per setting name in a folder, replaced atomically (write, then move),
    /// so a simulator killed mid-write keeps the old file like the device keeps its old flash file.
    /// </summary>
    public sealed class FileSettingsStore : ISettingsStore
    {
        private readonly string _directory;

        public FileSettingsStore(string directory)
        {
            _directory = directory;
            Directory.CreateDirectory(directory);
        }

        public byte[] Load(string name)
        {
            string path = Path.Combine(_directory, name);
            try
            {
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        public bool Save(string name, byte[] data)
        {
            string path = Path.Combine(_directory, name);
            string temporary = path + ".new";
            try
            {
                File.WriteAllBytes(temporary, data);
                File.Move(temporary, path, true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
