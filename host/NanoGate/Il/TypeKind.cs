namespace SensorNode.NanoGate.Il
{
    public enum TypeKind
    {
        /// <summary>bool, char, the integer and floating-point types: nanoCLR keeps them inline.</summary>
        Primitive,

        /// <summary>An enum: nanoCLR keeps it as its underlying integer, inline.</summary>
        Enum,

        /// <summary>DateTime and TimeSpan: nanoCLR has data types of their own for them, kept inline.</summary>
        InlineStruct,

        /// <summary>Any other value type: nanoCLR allocates every instance (local, copy or box) on the heap.</summary>
        Struct,

        Class,
        Array,
        Reference,
        Other
    }
}
