using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;

namespace SensorNode.NanoGate.Il
{
    /// <summary>
    /// Several assemblies read together (the firmware, its libraries, mscorlib), so that the steady-state walk
    /// follows calls from one into another and counts each library's allocation sites where they are.
    /// </summary>
    public sealed class IlProgram
    {
        private readonly List<IlAssembly> _assemblies = new List<IlAssembly>();
        private readonly Dictionary<string, List<IlMethod>> _methodsByType = new Dictionary<string, List<IlMethod>>();
        private readonly Dictionary<string, (IlAssembly Assembly, TypeDefinitionHandle Handle)> _types =
            new Dictionary<string, (IlAssembly, TypeDefinitionHandle)>();

        public IlProgram(IEnumerable<IlAssembly> assemblies)
        {
            foreach (IlAssembly assembly in assemblies)
            {
                assembly.Program = this;
                _assemblies.Add(assembly);
                foreach (IlMethod method in assembly.Methods)
                {
                    if (!_methodsByType.TryGetValue(method.DeclaringType, out List<IlMethod> methods))
                    {
                        _methodsByType[method.DeclaringType] = methods = new List<IlMethod>();
                        _types[method.DeclaringType] = (assembly, method.DeclaringTypeHandle);
                    }

                    methods.Add(method);
                }
            }
        }

        public IReadOnlyList<IlAssembly> Assemblies
        {
            get { return _assemblies; }
        }

        public IEnumerable<IlMethod> Methods
        {
            get { return _assemblies.SelectMany(a => a.Methods); }
        }

        /// <summary>The method of that type, name and parameter types in any assembly of the set, or null.</summary>
        public IlMethod Find(string type, string name, string signatureKey)
        {
            return _methodsByType.TryGetValue(type, out List<IlMethod> methods)
                ? methods.FirstOrDefault(m => m.Name == name && m.SignatureKey == signatureKey)
                : null;
        }

        public bool Inherits(string type, string ancestor)
        {
            return _types.TryGetValue(type, out var found) && found.Assembly.Inherits(found.Handle, ancestor);
        }
    }
}
