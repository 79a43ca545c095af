using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace SensorNode.NanoGate.Il
{
    /// <summary>One method of an <see cref="IlAssembly"/>: identity, attributes, locals and decoded body.</summary>
    public sealed class IlMethod
    {
        private readonly IlAssembly _assembly;
        private readonly MethodDefinition _definition;
        private List<IlInstruction> _instructions;
        private List<(int Start, int End)> _handlers;
        private ImmutableArray<TypeShape> _locals;

        public IlMethod(IlAssembly assembly, MethodDefinitionHandle handle, MethodDefinition definition, TypeDefinitionHandle declaringType)
        {
            _assembly = assembly;
            _definition = definition;
            Handle = handle;
            DeclaringTypeHandle = declaringType;
            DeclaringType = assembly.TypeNameOf(declaringType);
            Name = assembly.Metadata.GetString(definition.Name);
            MethodSignature<TypeShape> signature = assembly.Signature(definition);
            ParameterCount = signature.ParameterTypes.Length;
            SignatureKey = KeyOf(signature);
            Assembly = assembly;
            foreach (CustomAttributeHandle attributeHandle in definition.GetCustomAttributes())
            {
                CustomAttribute attribute = assembly.Metadata.GetCustomAttribute(attributeHandle);
                string attributeType = AttributeTypeName(attribute);
                if (attributeType.EndsWith(".SteadyStateAttribute"))
                {
                    IsSteadyStateRoot = true;
                }
                else if (attributeType.EndsWith(".ColdPathAttribute"))
                {
                    IsColdPath = true;
                }
            }
        }

        public MethodDefinitionHandle Handle { get; }

        public IlAssembly Assembly { get; }

        /// <summary>The parameter types, to tell overloads apart across assemblies.</summary>
        public string SignatureKey { get; }

        public TypeDefinitionHandle DeclaringTypeHandle { get; }

        public string DeclaringType { get; }

        public string Name { get; }

        public string FullName
        {
            get { return DeclaringType + "::" + Name; }
        }

        public int ParameterCount { get; }

        public bool HasBody
        {
            get { return _definition.RelativeVirtualAddress != 0; }
        }

        /// <summary>Implemented by the runtime (extern, internal call): no IL to read.</summary>
        public bool IsNative
        {
            get { return !HasBody && (_definition.Attributes & MethodAttributes.Abstract) == 0; }
        }

        /// <summary>Virtual or abstract (interface methods included): a callvirt may land on an override.</summary>
        public bool IsVirtual
        {
            get { return (_definition.Attributes & MethodAttributes.Virtual) != 0; }
        }

        /// <summary>Marked [SteadyState]: runs in every cycle, so it and what it calls must not allocate.</summary>
        public bool IsSteadyStateRoot { get; }

        /// <summary>Marked [ColdPath]: runs only on a rare event (an error, a change), so the steady-state walk stops here.</summary>
        public bool IsColdPath { get; }

        public IReadOnlyList<IlInstruction> Instructions
        {
            get
            {
                Load();
                return _instructions;
            }
        }

        public ImmutableArray<TypeShape> Locals
        {
            get
            {
                Load();
                return _locals;
            }
        }

        /// <summary>True when the offset lies in a catch or filter handler: code that runs only after an exception.</summary>
        public bool InExceptionHandler(int offset)
        {
            Load();
            foreach ((int start, int end) in _handlers)
            {
                if (offset >= start && offset < end)
                {
                    return true;
                }
            }

            return false;
        }

        public SourceLine LineOf(int ilOffset)
        {
            return _assembly.LineOf(Handle, ilOffset);
        }

        public override string ToString()
        {
            return FullName;
        }

        public static string KeyOf(MethodSignature<TypeShape> signature)
        {
            return string.Join(",", signature.ParameterTypes.Select(p => p.FullName));
        }

        private void Load()
        {
            if (_instructions != null)
            {
                return;
            }

            _handlers = new List<(int, int)>();
            if (!HasBody)
            {
                _instructions = new List<IlInstruction>();
                _locals = ImmutableArray<TypeShape>.Empty;
                return;
            }

            MethodBodyBlock body = _assembly.Body(_definition.RelativeVirtualAddress);
            _instructions = IlInstruction.Decode(body.GetILReader());
            _locals = _assembly.Locals(body.LocalSignature);
            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (region.Kind == ExceptionRegionKind.Catch)
                {
                    _handlers.Add((region.HandlerOffset, region.HandlerOffset + region.HandlerLength));
                }
                else if (region.Kind == ExceptionRegionKind.Filter)
                {
                    _handlers.Add((region.FilterOffset, region.HandlerOffset + region.HandlerLength));
                }
            }
        }

        private string AttributeTypeName(CustomAttribute attribute)
        {
            EntityHandle constructor = attribute.Constructor;
            if (constructor.Kind == HandleKind.MethodDefinition)
            {
                return _assembly.TypeNameOf(_assembly.Metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
            }

            if (constructor.Kind == HandleKind.MemberReference)
            {
                return _assembly.TypeNameOf(_assembly.Metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent);
            }

            return "";
        }
    }
}
