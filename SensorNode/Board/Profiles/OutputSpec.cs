namespace SensorNode.Board.Profiles
{
    /// <summary>One relay or LED as wired on a board.</summary>
    public sealed class OutputSpec
    {
        public OutputSpec(string id, int gpio, bool activeLow, bool initiallyOn, bool safeOn)
        {
            Id = id;
            Gpio = gpio;
            ActiveLow = activeLow;
            InitiallyOn = initiallyOn;
            SafeOn = safeOn;
        }

        /// <summary>Topic segment: {base}/actuator/{Id}/set.</summary>
        public string Id { get; }

        public int Gpio { get; }

        /// <summary>True for modules that switch on when their input is low (most opto-isolated relay boards).</summary>
        public bool ActiveLow { get; }

        public bool InitiallyOn { get; }

        /// <summary>State the output is left in when the node stops.</summary>
        public bool SafeOn { get; }
    }
}
