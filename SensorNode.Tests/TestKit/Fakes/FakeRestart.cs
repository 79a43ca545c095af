using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    public sealed class FakeRestart : IBoardRestart
    {
        public int Restarts;
        public string Reason;

        public void Restart(string reason)
        {
            Restarts++;
            Reason = reason;
        }
    }
}
