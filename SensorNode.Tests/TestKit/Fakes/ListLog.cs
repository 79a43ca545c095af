using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    public sealed class ListLog : ILog
    {
        public readonly ArrayList Lines = new ArrayList();

        public void Info(string message)
        {
            Lines.Add("INFO " + message);
        }

        public void Warn(string message)
        {
            Lines.Add("WARN " + message);
        }

        public void Error(string message)
        {
            Lines.Add("ERROR " + message);
        }

        public bool Contains(string text)
        {
            foreach (string line in Lines)
            {
                if (line.IndexOf(text) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
