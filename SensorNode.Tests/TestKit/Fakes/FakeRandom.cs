using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A fixed "random" choice: the bottom of every range (0), or with <see cref="Top"/> its top.</summary>
    public sealed class FakeRandom : IRandom
    {
        public bool Top;

        /// <summary>The ranges asked for, in order (the back-off windows).</summary>
        public readonly System.Collections.ArrayList Asked = new System.Collections.ArrayList();

        public int Next(int maxExclusive)
        {
            Asked.Add(maxExclusive);
            return Top && maxExclusive > 0 ? maxExclusive - 1 : 0;
        }
    }
}
