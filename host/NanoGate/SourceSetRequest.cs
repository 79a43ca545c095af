namespace SensorNode.NanoGate
{
    /// <summary>
    /// One source set named on the command line (NAME=DIR;DIR;FILE.cs) with the --root, --rules and --refs in force
    /// where it stands.
    /// </summary>
    /// <param name="Name">as the gate's lines name it: gate[NAME]</param>
    /// <param name="Root">the folder the paths are relative to (--root, else the current folder)</param>
    /// <param name="Paths">folders (searched for *.cs) and single .cs files, joined to <paramref name="Root"/></param>
    /// <param name="Rules">the IL rules the set gets</param>
    /// <param name="Refs">the reference folders as given (DIR;DIR, relative to <paramref name="Root"/>), or null for none</param>
    public sealed record SourceSetRequest(string Name, string Root, string[] Paths, IlRules Rules, string Refs)
    {
        /// <summary>The --refs folders joined to <see cref="Root"/>, or null.</summary>
        public string[] RefsFolders => Refs == null
            ? null
            : System.Array.ConvertAll(Refs.Split(';', System.StringSplitOptions.RemoveEmptyEntries), folder => System.IO.Path.Combine(Root, folder));
    }
}
