using System;

namespace SensorNode.Benchmarks.Alloc
{
    /// <summary>
    /// Exact managed allocations of an operation on this thread: the runtime's per-thread allocation counter
    /// read before and after many calls, after a warm-up (JIT tiering, first-call initialisation).
    /// </summary>
    public static class AllocationMeter
    {
        public static double BytesPerCall(Action operation, int warmUpCalls, int measuredCalls)
        {
            for (int i = 0; i < warmUpCalls; i++)
            {
                operation();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < measuredCalls; i++)
            {
                operation();
            }

            long after = GC.GetAllocatedBytesForCurrentThread();
            return (after - before) / (double)measuredCalls;
        }
    }
}
