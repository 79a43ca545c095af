using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SensorNode.NanoGate.Il
{
    /// <summary>
    /// A compiled assembly as the IL rules read it: every method with a body, decoded, with its source lines (from
    /// the portable PDB), and the facts about referenced types that nanoCLR's allocation behaviour depends on
    /// (primitive, enum, struct), taken from the reference assemblies themselves.
    /// </summary>
    public sealed class IlAssembly : IDisposable
    {
        private readonly PEReader _pe;
        private readonly MetadataReaderProvider _pdbProvider;
        private readonly MetadataReader _pdb;
        private readonly Dictionary<string, TypeKind> _referencedValueTypes;
        private readonly Dictionary<MethodDefinitionHandle, IlMethod> _methods = new Dictionary<MethodDefinitionHandle, IlMethod>();
        private readonly SignatureShapes _shapes;

        /// <param name="references">Paths of the assemblies compiled against (mscorlib), to tell enums and structs apart.</param>
        public IlAssembly(Stream peImage, Stream portablePdb, IEnumerable<string> references)
            : this(peImage, portablePdb, references.Select(path => File.ReadAllBytes(path)))
        {
        }

        /// <param name="referenceImages">The assemblies compiled against, as images (e.g. a reference assembly built in memory).</param>
        public IlAssembly(Stream peImage, Stream portablePdb, IEnumerable<byte[]> referenceImages)
        {
            _pe = new PEReader(peImage);
            Metadata = _pe.GetMetadataReader();
            if (portablePdb != null)
            {
                _pdbProvider = MetadataReaderProvider.FromPortablePdbStream(portablePdb);
                _pdb = _pdbProvider.GetMetadataReader();
            }

            _referencedValueTypes = ReadValueTypes(referenceImages);
            _shapes = new SignatureShapes(this);
            foreach (TypeDefinitionHandle typeHandle in Metadata.TypeDefinitions)
            {
                foreach (MethodDefinitionHandle methodHandle in Metadata.GetTypeDefinition(typeHandle).GetMethods())
                {
                    MethodDefinition method = Metadata.GetMethodDefinition(methodHandle);
                    _methods[methodHandle] = new IlMethod(this, methodHandle, method, typeHandle);
                }
            }
        }

        public MetadataReader Metadata { get; }

        /// <summary>The assembly's simple name, e.g. "nanoFramework.M2Mqtt".</summary>
        public string Name
        {
            get { return Metadata.GetString(Metadata.GetAssemblyDefinition().Name); }
        }

        /// <summary>The set this assembly is read with, to follow calls into the others; null when read alone.</summary>
        public IlProgram Program { get; set; }

        public IEnumerable<IlMethod> Methods
        {
            get { return _methods.Values.OrderBy(m => MetadataTokens.GetToken(m.Handle)); }
        }

        public IlMethod Method(MethodDefinitionHandle handle)
        {
            return _methods[handle];
        }

        public MethodBodyBlock Body(int relativeVirtualAddress)
        {
            return _pe.GetMethodBody(relativeVirtualAddress);
        }

        public ImmutableArray<TypeShape> Locals(StandaloneSignatureHandle signature)
        {
            return signature.IsNil
                ? ImmutableArray<TypeShape>.Empty
                : Metadata.GetStandaloneSignature(signature).DecodeLocalSignature(_shapes, null);
        }

        public MethodSignature<TypeShape> Signature(MethodDefinition method)
        {
            return method.DecodeSignature(_shapes, null);
        }

        /// <summary>The type an instruction's type token (box, newarr, constrained.) names.</summary>
        public TypeShape TypeOfToken(int token)
        {
            EntityHandle handle = MetadataTokens.EntityHandle(token);
            return handle.Kind switch
            {
                HandleKind.TypeDefinition => _shapes.GetTypeFromDefinition(Metadata, (TypeDefinitionHandle)handle, 0),
                HandleKind.TypeReference => _shapes.GetTypeFromReference(Metadata, (TypeReferenceHandle)handle, 0),
                HandleKind.TypeSpecification => Metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_shapes, null),
                _ => new TypeShape("?", TypeKind.Other),
            };
        }

        /// <summary>The method a call, callvirt, newobj or ldftn names.</summary>
        public MethodRef MethodOfToken(int token)
        {
            EntityHandle handle = MetadataTokens.EntityHandle(token);
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                    IlMethod own = _methods[(MethodDefinitionHandle)handle];
                    return new MethodRef(own.DeclaringType, own.Name, own);
                case HandleKind.MemberReference:
                    MemberReference member = Metadata.GetMemberReference((MemberReferenceHandle)handle);
                    string type = TypeNameOf(member.Parent);
                    string name = Metadata.GetString(member.Name);
                    IlMethod elsewhere = Program == null || member.GetKind() != MemberReferenceKind.Method
                        ? null
                        : Program.Find(type, name, IlMethod.KeyOf(member.DecodeMethodSignature(_shapes, null)));
                    return new MethodRef(type, name, elsewhere);
                case HandleKind.MethodSpecification:
                    return MethodOfToken(MetadataTokens.GetToken(Metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method));
                default:
                    return new MethodRef("?", "?", null);
            }
        }

        /// <summary>The source line of an IL offset of a method; null without a PDB or sequence points.</summary>
        public SourceLine LineOf(MethodDefinitionHandle method, int ilOffset)
        {
            if (_pdb == null)
            {
                return null;
            }

            SourceLine line = null;
            foreach (SequencePoint point in _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
            {
                if (point.IsHidden)
                {
                    continue;
                }

                if (point.Offset > ilOffset && line != null)
                {
                    break;
                }

                line = new SourceLine(_pdb.GetString(_pdb.GetDocument(point.Document).Name), point.StartLine);
            }

            return line;
        }

        public string TypeNameOf(EntityHandle type)
        {
            switch (type.Kind)
            {
                case HandleKind.TypeDefinition:
                    TypeDefinition definition = Metadata.GetTypeDefinition((TypeDefinitionHandle)type);
                    string name = Metadata.GetString(definition.Name);
                    TypeDefinitionHandle outer = definition.GetDeclaringType();
                    return outer.IsNil ? Join(Metadata.GetString(definition.Namespace), name) : TypeNameOf(outer) + "/" + name;
                case HandleKind.TypeReference:
                    TypeReference reference = Metadata.GetTypeReference((TypeReferenceHandle)type);
                    return reference.ResolutionScope.Kind == HandleKind.TypeReference
                        ? TypeNameOf(reference.ResolutionScope) + "/" + Metadata.GetString(reference.Name)
                        : Join(Metadata.GetString(reference.Namespace), Metadata.GetString(reference.Name));
                case HandleKind.TypeSpecification:
                    return Metadata.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(_shapes, null).FullName;
                default:
                    return "?";
            }
        }

        /// <summary>True when <paramref name="type"/> derives from, or implements, the type named <paramref name="ancestor"/>.</summary>
        public bool Inherits(TypeDefinitionHandle type, string ancestor)
        {
            TypeDefinition definition = Metadata.GetTypeDefinition(type);
            foreach (InterfaceImplementationHandle implementation in definition.GetInterfaceImplementations())
            {
                EntityHandle face = Metadata.GetInterfaceImplementation(implementation).Interface;
                if (IsOrInherits(face, ancestor))
                {
                    return true;
                }
            }

            return !definition.BaseType.IsNil && IsOrInherits(definition.BaseType, ancestor);
        }

        private bool IsOrInherits(EntityHandle type, string ancestor)
        {
            string name = TypeNameOf(type);
            if (name == ancestor)
            {
                return true;
            }

            if (type.Kind == HandleKind.TypeDefinition)
            {
                return Inherits((TypeDefinitionHandle)type, ancestor);
            }

            return Program != null && Program.Inherits(name, ancestor);
        }

        /// <summary>The type defined here under this name, or a nil handle.</summary>
        public TypeDefinitionHandle FindType(string fullName)
        {
            foreach (TypeDefinitionHandle handle in Metadata.TypeDefinitions)
            {
                if (TypeNameOf(handle) == fullName)
                {
                    return handle;
                }
            }

            return default;
        }

        /// <summary>Whether a type defined here derives from System.Enum (else it is a struct when it is a value type).</summary>
        public TypeKind KindOfDefinition(TypeDefinitionHandle handle, bool isValueType)
        {
            if (!isValueType)
            {
                return TypeKind.Class;
            }

            EntityHandle baseType = Metadata.GetTypeDefinition(handle).BaseType;
            return !baseType.IsNil && TypeNameOf(baseType) == "System.Enum" ? TypeKind.Enum : TypeKind.Struct;
        }

        public TypeKind KindOfReference(string fullName, bool isValueType)
        {
            if (TypeShape.PrimitiveNames.Contains(fullName))
            {
                return TypeKind.Primitive;
            }

            if (TypeShape.InlineStructNames.Contains(fullName))
            {
                return TypeKind.InlineStruct;
            }

            if (_referencedValueTypes.TryGetValue(fullName, out TypeKind kind))
            {
                return kind;
            }

            return isValueType ? TypeKind.Struct : TypeKind.Class;
        }

        public void Dispose()
        {
            _pdbProvider?.Dispose();
            _pe.Dispose();
        }

        private static string Join(string ns, string name)
        {
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static Dictionary<string, TypeKind> ReadValueTypes(IEnumerable<byte[]> references)
        {
            Dictionary<string, TypeKind> kinds = new Dictionary<string, TypeKind>();
            foreach (byte[] image in references)
            {
                using (PEReader pe = new PEReader(new MemoryStream(image, false)))
                {
                    MetadataReader md = pe.GetMetadataReader();
                    foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
                    {
                        TypeDefinition type = md.GetTypeDefinition(handle);
                        if (type.BaseType.IsNil || type.BaseType.Kind != HandleKind.TypeReference && type.BaseType.Kind != HandleKind.TypeDefinition)
                        {
                            continue;
                        }

                        string baseName = BaseName(md, type.BaseType);
                        string name = Join(md.GetString(type.Namespace), md.GetString(type.Name));
                        if (baseName == "System.Enum")
                        {
                            kinds[name] = TypeKind.Enum;
                        }
                        else if (baseName == "System.ValueType" && name != "System.Enum")
                        {
                            kinds[name] = TypeKind.Struct;
                        }
                    }
                }
            }

            return kinds;
        }

        private static string BaseName(MetadataReader md, EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeReference)
            {
                TypeReference reference = md.GetTypeReference((TypeReferenceHandle)handle);
                return Join(md.GetString(reference.Namespace), md.GetString(reference.Name));
            }

            TypeDefinition definition = md.GetTypeDefinition((TypeDefinitionHandle)handle);
            return Join(md.GetString(definition.Namespace), md.GetString(definition.Name));
        }
    }
}
