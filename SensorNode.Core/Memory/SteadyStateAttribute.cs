using System;

namespace SensorNode.Core.Memory
{
    /// <summary>
    /// Marks a method that runs in the node's steady state (every telemetry cycle, every valid command). On the
    /// device each allocation there is garbage-collector pressure for the life of the node, so the gate
    /// (host/NanoGate, rule "steady-state-alloc") checks that it, and everything it calls in the core, allocates
    /// nothing. Rare branches go into methods marked <see cref="ColdPathAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SteadyStateAttribute : Attribute
    {
    }
}
