using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace SensorNode.NanoGate.Il
{
    /// <summary>Decodes signatures (locals, parameters, type specs) into <see cref="TypeShape"/>s.</summary>
    internal sealed class SignatureShapes : ISignatureTypeProvider<TypeShape, object>
    {
        private const byte ValueTypeKind = 0x11; // SignatureTypeKind.ValueType as the raw byte of the signature

        private readonly IlAssembly _assembly;

        public SignatureShapes(IlAssembly assembly)
        {
            _assembly = assembly;
        }

        public TypeShape GetPrimitiveType(PrimitiveTypeCode typeCode)
        {
            return new TypeShape(TypeShape.NameOfPrimitive(typeCode), TypeShape.KindOfPrimitive(typeCode));
        }

        public TypeShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            string name = _assembly.TypeNameOf(handle);
            TypeDefinition definition = reader.GetTypeDefinition(handle);
            bool isValueType = rawTypeKind == ValueTypeKind || IsValueTypeDefinition(definition);
            return new TypeShape(name, _assembly.KindOfDefinition(handle, isValueType));
        }

        public TypeShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            string name = _assembly.TypeNameOf(handle);
            return new TypeShape(name, _assembly.KindOfReference(name, rawTypeKind == ValueTypeKind));
        }

        public TypeShape GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }

        public TypeShape GetSZArrayType(TypeShape elementType)
        {
            return new TypeShape(elementType.FullName + "[]", TypeKind.Array);
        }

        public TypeShape GetArrayType(TypeShape elementType, ArrayShape shape)
        {
            return new TypeShape(elementType.FullName + "[" + new string(',', shape.Rank - 1) + "]", TypeKind.Array);
        }

        public TypeShape GetByReferenceType(TypeShape elementType)
        {
            return new TypeShape(elementType.FullName + "&", TypeKind.Reference);
        }

        public TypeShape GetPointerType(TypeShape elementType)
        {
            return new TypeShape(elementType.FullName + "*", TypeKind.Reference);
        }

        public TypeShape GetPinnedType(TypeShape elementType)
        {
            return elementType;
        }

        public TypeShape GetModifiedType(TypeShape modifier, TypeShape unmodifiedType, bool isRequired)
        {
            return unmodifiedType;
        }

        public TypeShape GetGenericInstantiation(TypeShape genericType, ImmutableArray<TypeShape> typeArguments)
        {
            return new TypeShape(genericType.FullName + "<" + string.Join(",", typeArguments) + ">", genericType.Kind);
        }

        public TypeShape GetGenericTypeParameter(object genericContext, int index)
        {
            return new TypeShape("!" + index, TypeKind.Other);
        }

        public TypeShape GetGenericMethodParameter(object genericContext, int index)
        {
            return new TypeShape("!!" + index, TypeKind.Other);
        }

        public TypeShape GetFunctionPointerType(MethodSignature<TypeShape> signature)
        {
            return new TypeShape("method*", TypeKind.Other);
        }

        private bool IsValueTypeDefinition(TypeDefinition definition)
        {
            if (definition.BaseType.IsNil)
            {
                return false;
            }

            string baseName = _assembly.TypeNameOf(definition.BaseType);
            return baseName == "System.ValueType" || baseName == "System.Enum";
        }
    }
}
