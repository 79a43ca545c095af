using System;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// A chip of any family as the node's <see cref="ISensor"/>: one guard for every driver. A driver exception,
    /// a failed measurement, a value outside the chip's range, a read in which nothing was measured, and readings
    /// repeated bit for bit (a hung conversion; a working chip's noise changes at least one quantity between
    /// reads) all become <see cref="LastError"/>, never an exception in the main loop.
    /// </summary>
    public sealed class GuardedSensor : ISensor
    {
        /// <summary>Fresh reads in a row with identical values after which the chip is reported stuck.</summary>
        public const int IdenticalReadsMeaningStuck = 5;

        private const int NoFault = -1;
        private const int NothingMeasured = -2;

        private readonly ChipModel _model;
        private readonly ISensorDriver _driver;
        private readonly double[] _previous;
        private int _identicalReads;

        public GuardedSensor(string id, ChipModel model, ISensorDriver driver)
        {
            Id = id;
            _model = model;
            _driver = driver;
            _previous = new double[model.Ranges.Length];
        }

        public string Id { get; }

        /// <summary>The chip's I2C address.</summary>
        public int Address
        {
            get { return _driver.Address; }
        }

        public Quantity[] Quantities
        {
            get { return _model.Quantities; }
        }

        public string LastError { get; private set; }

        public int MsUntilReady
        {
            get { return _driver.MsUntilReady; }
        }

        [SteadyState]
        public ReadOutcome Read(double[] values)
        {
            ReadOutcome outcome;
            try
            {
                outcome = _driver.Measure(values);
            }
            catch (Exception ex)
            {
                LastError = "I2C 0x" + Hex(_driver.Address) + ": " + ex.GetType().Name + ": " + ex.Message;
                return ReadOutcome.Failed;
            }

            if (outcome == ReadOutcome.NotReady || outcome == ReadOutcome.Pending)
            {
                return outcome;
            }

            if (outcome == ReadOutcome.Failed)
            {
                return Fail(_driver.Error);
            }

            int fault = FindFault(values);
            if (fault != NoFault)
            {
                return FailImplausible(values, fault);
            }

            if (RepeatsPrevious(values) && ++_identicalReads >= IdenticalReadsMeaningStuck - 1)
            {
                return FailStuck();
            }

            LastError = null;
            return ReadOutcome.Measured;
        }

        /// <summary><see cref="NoFault"/>, <see cref="NothingMeasured"/> or the index of a value outside its range.</summary>
        private int FindFault(double[] values)
        {
            QuantityRange[] ranges = _model.Ranges;
            bool anyMeasured = false;
            for (int q = 0; q < ranges.Length; q++)
            {
                double value = values[q];
                if (double.IsNaN(value))
                {
                    continue;
                }

                anyMeasured = true;
                if (!ranges[q].Contains(value))
                {
                    return q;
                }
            }

            return anyMeasured || ranges.Length == 0 ? NoFault : NothingMeasured;
        }

        /// <summary>True when <paramref name="values"/> equal the previous read's; remembers them either way.</summary>
        private bool RepeatsPrevious(double[] values)
        {
            bool same = true;
            for (int q = 0; q < _previous.Length; q++)
            {
                // == and IsNaN, never Equals: nanoFramework's Double has no Equals(double), and the boxing
                // Object.Equals it falls back to breaks in nanoCLR (docs/nanoframework.md). NaN repeats NaN here.
                double value = values[q];
                double previous = _previous[q];
                same &= value == previous || (double.IsNaN(value) && double.IsNaN(previous));
                _previous[q] = value;
            }

            if (!same)
            {
                _identicalReads = 0;
            }

            return same;
        }

        [ColdPath("the chip or the bus failed")]
        private ReadOutcome Fail(string error)
        {
            LastError = "I2C 0x" + Hex(_driver.Address) + ": " + error;
            return ReadOutcome.Failed;
        }

        [ColdPath("the chip's conversions hung")]
        private ReadOutcome FailStuck()
        {
            return Fail("the last " + IdenticalReadsMeaningStuck + " readings are identical; conversions stuck");
        }

        [ColdPath("a read was implausible")]
        private ReadOutcome FailImplausible(double[] values, int fault)
        {
            if (fault == NothingMeasured)
            {
                return Fail("no quantity was measured; sensor or bus fault");
            }

            QuantityRange range = _model.Ranges[fault];
            return Fail(range.Quantity.Name + " " + values[fault] + " " + range.Quantity.Unit + " is outside "
                + range.Min + ".." + range.Max + "; sensor or bus fault");
        }

        private static string Hex(int value)
        {
            return value.ToString("x2");
        }
    }
}
