namespace SensorNode.Core.Text
{
    public enum JsonValueKind
    {
        None,
        String,
        Number,
        Boolean,
        Null
    }
}
