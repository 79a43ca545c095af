using SensorNode.Core.Memory;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Report by exception for one sensor's quantities: which reading is news. A quantity is due at its first read,
    /// when its heartbeat is due, or when it moved from the value subscribers last saw by its deadband less the
    /// chip's noise. Without that allowance a noisy chip hides a real change of a full deadband about half the time
    /// (the reading just past the deadband, its noise pulling it back), and the published value stays more than a
    /// deadband off the room for several reads; with it, the first read after such a change publishes it.
    /// </summary>
    /// <remarks>
    /// The noise is measured, not configured: the mean absolute second difference of successive reads
    /// (r[n] - 2 r[n-1] + r[n-2]), in which steady drift cancels, so a slowly warming room is not taken for noise.
    /// For Gaussian noise of standard deviation σ its mean is 1.954 σ. The allowance is three σ (a change is missed at
    /// its first read about once in 700), at most half the deadband, so a deadband keeps its meaning on any chip.
    /// Three, not four: on the benchmark's days (wire-day, docs/performance.md) three σ keeps every quantity within
    /// one read of the room on 31 of 31 days at 0.31 of Tasmota's bytes, while four σ sends more than a third of
    /// Tasmota's bytes on 19 of them (up to 721 B/h against 704). Each second difference counts at most half the deadband, so one jump (a door opened) does not
    /// open the gate for long. Averaged over about 16 reads.
    /// </remarks>
    public sealed class ExceptionFilter
    {
        private const double NoiseWeight = 1.0 / 16;
        private const double AllowancePerMeanSecondDifference = 3 / 1.954;

        private readonly double[] _published;
        private readonly long[] _publishedAtMs;
        private readonly double[] _previous;
        private readonly double[] _beforePrevious;
        private readonly double[] _meanSecondDifference;

        public ExceptionFilter(int quantities)
        {
            _published = new double[quantities];
            _publishedAtMs = new long[quantities];
            _previous = new double[quantities];
            _beforePrevious = new double[quantities];
            _meanSecondDifference = new double[quantities];
            for (int q = 0; q < quantities; q++)
            {
                _previous[q] = double.NaN;
                _beforePrevious[q] = double.NaN;
            }

            Forget();
        }

        /// <summary>The next read publishes every quantity, whatever its change (after a connect or a sensor's failure).</summary>
        public void Forget()
        {
            for (int q = 0; q < _published.Length; q++)
            {
                _published[q] = double.NaN;
            }
        }

        /// <summary>
        /// Takes a finite reading of quantity <paramref name="q"/> and says whether it is news. Call once per read.
        /// </summary>
        /// <param name="resolution">The step of the published text (0.01 for two decimals).</param>
        [SteadyState]
        public bool IsDue(int q, double value, double deadband, double resolution, long nowMs, long heartbeatMs)
        {
            MeasureNoise(q, value, deadband);
            if (double.IsNaN(_published[q]) || nowMs - _publishedAtMs[q] >= heartbeatMs)
            {
                return true;
            }

            double change = value - _published[q];
            change = change < 0 ? -change : change;
            // A thousandth of the last published digit of slack: 21.56 - 21.46 is 0.0999999… in doubles, yet a 0.1 step.
            return change >= deadband - NoiseAllowance(q, deadband) - resolution / 1000;
        }

        /// <summary>Quantity <paramref name="q"/> went out as <paramref name="shown"/>: changes count from what subscribers saw.</summary>
        public void Published(int q, double shown, long nowMs)
        {
            _published[q] = shown;
            _publishedAtMs[q] = nowMs;
        }

        /// <summary>How much earlier than its deadband quantity <paramref name="q"/> goes out: three σ of the measured noise, at most half the deadband.</summary>
        public double NoiseAllowance(int q, double deadband)
        {
            double allowance = AllowancePerMeanSecondDifference * _meanSecondDifference[q];
            return allowance < deadband / 2 ? allowance : deadband / 2;
        }

        private void MeasureNoise(int q, double value, double deadband)
        {
            if (!double.IsNaN(_beforePrevious[q]))
            {
                double secondDifference = value - 2 * _previous[q] + _beforePrevious[q];
                secondDifference = secondDifference < 0 ? -secondDifference : secondDifference;
                double cap = deadband / 2;
                secondDifference = secondDifference < cap ? secondDifference : cap;
                _meanSecondDifference[q] += (secondDifference - _meanSecondDifference[q]) * NoiseWeight;
            }

            _beforePrevious[q] = _previous[q];
            _previous[q] = value;
        }
    }
}
