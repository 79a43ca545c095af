using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// A sensor driver whose next measurement (or failure) the test sets, for the logic of the guard and of
    /// telemetry. The chip search and the SCD4x driver are tested against register-level fake chips instead.
    /// </summary>
    public sealed class FakeSensorDriver : ISensorDriver
    {
        public double[] NextValues;
        public string FailWith;
        public Exception Throws;
        public bool NotReady;
        public int ReadCount;

        /// <summary>Reads answered <see cref="ReadOutcome.Pending"/> (a conversion running, <see cref="PendingMs"/> long) before the next measurement.</summary>
        public int PendingReads;
        public int PendingMs = 10;

        public FakeSensorDriver(double[] values)
            : this(values, 0x76)
        {
        }

        public FakeSensorDriver(double[] values, int address)
        {
            NextValues = values;
            Address = address;
        }

        public int Address { get; }

        public string Error { get; private set; }

        public int MsUntilReady
        {
            get { return PendingMs; }
        }

        public ReadOutcome Measure(double[] values)
        {
            ReadCount++;
            if (Throws != null)
            {
                throw Throws;
            }

            if (FailWith != null)
            {
                Error = FailWith;
                return ReadOutcome.Failed;
            }

            if (PendingReads > 0)
            {
                PendingReads--;
                return ReadOutcome.Pending;
            }

            if (NotReady)
            {
                return ReadOutcome.NotReady;
            }

            Array.Copy(NextValues, values, values.Length);
            return ReadOutcome.Measured;
        }
    }
}
