namespace SensorNode.Core.Entities
{
    /// <summary>A protocol adapter that publishes entities' values in its own convention, told of each value the node publishes.</summary>
    public interface IEntityListener
    {
        /// <summary>
        /// <paramref name="entity"/>'s new value, as text: a reading as published ("21.53"), an output's value as a
        /// whole number (0 is off). Called on the main loop, in the steady state: must not allocate.
        /// </summary>
        void OnValue(Entity entity, byte[] text, int length);
    }
}
