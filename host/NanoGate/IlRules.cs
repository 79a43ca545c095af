namespace SensorNode.NanoGate
{
    /// <summary>Which checks of the compiled IL a source set gets.</summary>
    public enum IlRules
    {
        /// <summary>Only "primitive-equals": what crashes nanoCLR wherever it is (tests included).</summary>
        Equals,

        /// <summary>Also "box" and "steady-state-alloc": the portable core's memory rules.</summary>
        All
    }
}
