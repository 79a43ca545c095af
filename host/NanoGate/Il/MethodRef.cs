namespace SensorNode.NanoGate.Il
{
    /// <summary>The target of a call: its declaring type's name, its name and, when it is defined here, its body.</summary>
    public sealed class MethodRef
    {
        public MethodRef(string declaringType, string name, IlMethod definition)
        {
            DeclaringType = declaringType;
            Name = name;
            Definition = definition;
        }

        public string DeclaringType { get; }

        public string Name { get; }

        public IlMethod Definition { get; }

        public override string ToString()
        {
            return DeclaringType + "::" + Name;
        }
    }
}
