using System;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The node ids of a fleet: <c>--node-id</c> with a 1-based number, zero-padded to at least three digits so the
    /// ids sort in order (<c>sim-a1b2c3-001</c> … <c>sim-a1b2c3-500</c>). A single node keeps the id as given.
    /// </summary>
    public static class FleetIds
    {
        public static string[] Derive(string baseId, int count)
        {
            if (count == 1)
            {
                return new[] { baseId };
            }

            int width = Math.Max(3, count.ToString().Length);
            string[] ids = new string[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = baseId + "-" + (i + 1).ToString().PadLeft(width, '0');
            }

            return ids;
        }
    }
}
