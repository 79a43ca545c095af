namespace SensorNode.Core.Parts
{
    /// <summary>Where a part hands a command it translated (from Homie, from a button): the node routes it like one from the broker.</summary>
    public interface ICommandSink
    {
        /// <summary>As if <paramref name="payload"/> had arrived on the node's own <paramref name="topic"/> (not retained): the same checks and events.</summary>
        void Submit(string topic, byte[] payload);
    }
}
