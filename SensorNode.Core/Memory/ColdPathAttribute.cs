using System;

namespace SensorNode.Core.Memory
{
    /// <summary>
    /// Marks a method that a steady-state method calls only on a rare event (an error, a state change, a
    /// reconnect); it may allocate, and the gate's steady-state walk stops at it. Say why it is rare.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class ColdPathAttribute : Attribute
    {
        public ColdPathAttribute(string why)
        {
            Why = why;
        }

        public string Why { get; }
    }
}
