using System.Runtime.CompilerServices;
using System;

namespace nanoFramework.TestFramework
{
    // AreEqual/AreNotEqual: one overload per type, as in the real source/TestFramework/Assert.AreEqual.cs,
    // so a call binds to the same overload on both runtimes. Generated list; keep it in step with Assert.cs.
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }
    }
}
