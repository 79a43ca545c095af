using System;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>Inverts a monotonic function of an integer by bisection.</summary>
    public static class MonotonicSearch
    {
        /// <summary>
        /// The index in [0, <paramref name="count"/>) whose value is nearest <paramref name="target"/>, for a function that
        /// never decreases or never increases over that range (which of the two is read off its end points).
        /// </summary>
        public static int Nearest(Func<int, double> function, int count, double target)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "The range must not be empty.");
            }

            bool rising = function(count - 1) >= function(0);
            Func<int, bool> reached = rising ? k => function(k) >= target : k => function(k) <= target;

            // First index at or past the target; count if the target lies beyond the range.
            int low = 0;
            int high = count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (reached(middle))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            if (low == 0)
            {
                return 0;
            }

            if (low == count)
            {
                return count - 1;
            }

            double below = Math.Abs(function(low - 1) - target);
            double above = Math.Abs(function(low) - target);
            return below <= above ? low - 1 : low;
        }
    }
}
