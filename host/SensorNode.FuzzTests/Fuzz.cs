using System;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using CsCheck;
using Xunit.Abstractions;

namespace SensorNode.FuzzTests
{
    /// <summary>
    /// How many cases each test runs, and the checks every test shares. The normal run (host/test.sh) runs
    /// <see cref="DefaultTotal"/> cases over all tests; FUZZ_ITERATIONS=N runs N in total, shared out by the same
    /// weights (docs/testing.md, "Fuzzing"). FUZZ_SEED replays one CsCheck seed (printed with a failure).
    /// </summary>
    public static class Fuzz
    {
        /// <summary>Cases in a normal run, over every fuzz test.</summary>
        public const long DefaultTotal = 170000;

        /// <summary>The sum of the weights the tests pass to <see cref="Run{T}"/>.</summary>
        public const int TotalWeight = 17;

        public static long Total
        {
            get
            {
                string text = Environment.GetEnvironmentVariable("FUZZ_ITERATIONS");
                long total;
                return text != null && long.TryParse(text, out total) && total > 0 ? total : DefaultTotal;
            }
        }

        /// <summary>This test's share of the cases: weight/17 of the total (10 000 per weight in a normal run).</summary>
        public static long Cases(int weight)
        {
            return Math.Max(1, Total * weight / TotalWeight);
        }

        /// <summary>Samples <paramref name="gen"/>, <paramref name="weight"/> shares of the cases, and reports the figures.</summary>
        public static void Run<T>(ITestOutputHelper output, string name, int weight, Gen<T> gen, Action<T> check, int threads = -1, Func<T, string> print = null)
        {
            long cases = Cases(weight);
            string seed = Environment.GetEnvironmentVariable("FUZZ_SEED");
            Stopwatch watch = Stopwatch.StartNew();
            gen.Sample(check, writeLine: null, seed: seed, iter: cases, threads: threads, print: print ?? Show);
            watch.Stop();
            string line = "fuzz " + name + ": " + cases + " cases in " + watch.Elapsed.TotalSeconds.ToString("0.00") + " s";
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        public static string Show<T>(T value)
        {
            byte[] bytes = value as byte[];
            return bytes != null ? Hex(bytes) : Check.Print(value);
        }

        public static string Hex(byte[] bytes)
        {
            return bytes.Length + " bytes: " + Convert.ToHexString(bytes) + " \"" + Encoding.UTF8.GetString(bytes).Replace("\n", "\\n") + "\"";
        }

        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>Well-formed UTF-8 by .NET's own decoder (throws on invalid bytes, overlong forms, encoded surrogates).</summary>
        public static bool IsUtf8(byte[] bytes)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes);
        }

        /// <summary>Strict JSON by System.Text.Json, from the bytes (so invalid UTF-8 fails too).</summary>
        public static bool IsJson(byte[] bytes, out string why)
        {
            try
            {
                using (JsonDocument.Parse(bytes))
                {
                }

                why = null;
                return true;
            }
            catch (JsonException e)
            {
                why = e.Message;
                return false;
            }
        }

        /// <summary>Bytes this thread allocated while <paramref name="action"/> ran.</summary>
        public static long Allocated(Action action)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public static void Fail(string what, byte[] input)
        {
            throw new Exception(what + " for input " + Hex(input));
        }
    }
}
