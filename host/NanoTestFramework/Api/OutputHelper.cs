namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message)
        {
            System.Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }
    }
}
