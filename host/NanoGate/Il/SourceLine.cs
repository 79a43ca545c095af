namespace SensorNode.NanoGate.Il
{
    public sealed class SourceLine
    {
        public SourceLine(string file, int line)
        {
            File = file;
            Line = line;
        }

        public string File { get; }

        public int Line { get; }

        public override string ToString()
        {
            return File + "(" + Line + ")";
        }
    }
}
