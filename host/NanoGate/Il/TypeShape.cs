using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace SensorNode.NanoGate.Il
{
    /// <summary>What the gate needs to know of a type named in a signature or an instruction.</summary>
    public sealed class TypeShape
    {
        public TypeShape(string fullName, TypeKind kind)
        {
            FullName = fullName;
            Kind = kind;
        }

        public string FullName { get; }

        public TypeKind Kind { get; }

        public bool IsPrimitive
        {
            get { return Kind == TypeKind.Primitive; }
        }

        /// <summary>True for value types whose instances the runtime puts on its heap.</summary>
        public bool IsHeapStruct
        {
            get { return Kind == TypeKind.Struct; }
        }

        public override string ToString()
        {
            return FullName;
        }

        public static TypeKind KindOfPrimitive(PrimitiveTypeCode code)
        {
            switch (code)
            {
                case PrimitiveTypeCode.Object:
                case PrimitiveTypeCode.String:
                    return TypeKind.Class;
                case PrimitiveTypeCode.Void:
                case PrimitiveTypeCode.TypedReference:
                    return TypeKind.Other;
                default:
                    return TypeKind.Primitive;
            }
        }

        public static string NameOfPrimitive(PrimitiveTypeCode code)
        {
            return code switch
            {
                PrimitiveTypeCode.IntPtr => "System.IntPtr",
                PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
                _ => "System." + code,
            };
        }

        /// <summary>Primitive names as metadata spells them (System.Double), for type references.</summary>
        public static readonly ImmutableHashSet<string> PrimitiveNames = ImmutableHashSet.Create(
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
            "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
            "System.IntPtr", "System.UIntPtr");

        public static readonly ImmutableHashSet<string> InlineStructNames = ImmutableHashSet.Create(
            "System.DateTime", "System.TimeSpan");
    }
}
