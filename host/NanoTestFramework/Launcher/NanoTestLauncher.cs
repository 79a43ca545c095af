using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace nanoFramework.TestFramework.Host
{
    /// <summary>
    /// Runs a test assembly the way nanoFramework's UnitTestLauncher (source/UnitTestLauncher/Program.cs) does:
    /// for each class whose attribute is exactly [TestClass], its public [Setup] methods (a skip there skips the
    /// rest of the class; a failure does not), then [TestMethod]s, then [DataRow]s, then [Cleanup]; every method
    /// invoked with no instance. Unlike the device, it refuses what would only break there: instance test
    /// methods and instance state in test classes are reported as failures.
    /// </summary>
    public static class NanoTestLauncher
    {
        private static readonly Type[] Phases =
        {
            typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute)
        };

        public static IReadOnlyList<NanoTestResult> Run(Assembly tests)
        {
            return Run(tests.GetTypes());
        }

        /// <summary>Runs these types in the given order (the device takes the assembly's type order).</summary>
        public static IReadOnlyList<NanoTestResult> Run(Type[] types)
        {
            List<NanoTestResult> results = new List<NanoTestResult>();
            foreach (Type type in types)
            {
                if (!type.IsClass || !type.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestClassAttribute)))
                {
                    continue;
                }

                string stateError = InstanceStateError(type);
                if (stateError != null)
                {
                    results.Add(new NanoTestResult(type.FullName, NanoTestOutcome.Failed, stateError, 0));
                    continue;
                }

                MethodInfo[] methods = type.GetMethods();
                if (!RunPhase(methods, typeof(SetupAttribute), results))
                {
                    continue;
                }

                RunPhase(methods, typeof(TestMethodAttribute), results);
                RunPhase(methods, typeof(DataRowAttribute), results);
                RunPhase(methods, typeof(CleanupAttribute), results);
            }

            return results;
        }

        /// <summary>Returns false when a [Setup] method skipped, which skips the rest of its class.</summary>
        private static bool RunPhase(MethodInfo[] methods, Type phase, List<NanoTestResult> results)
        {
            foreach (MethodInfo method in methods)
            {
                object[] attributes = WithoutTestMethodWhenDataRows(method.GetCustomAttributes(true));
                for (int i = 0; i < attributes.Length; i++)
                {
                    if (attributes[i].GetType() != phase)
                    {
                        continue;
                    }

                    string name = method.DeclaringType.FullName + "." + method.Name + "." + i;
                    NanoTestResult result = Invoke(method, attributes[i], name);
                    results.Add(result);
                    if (phase == typeof(SetupAttribute) && result.Outcome == NanoTestOutcome.Skipped)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static NanoTestResult Invoke(MethodInfo method, object attribute, string name)
        {
            if (!method.IsStatic)
            {
                return new NanoTestResult(name, NanoTestOutcome.Failed,
                    "test method must be static: nanoFramework's launcher invokes it with no instance", 0);
            }

            long started = DateTime.UtcNow.Ticks;
            try
            {
                object[] parameters = attribute is DataRowAttribute row ? row.MethodParameters : null;
                method.Invoke(null, parameters);
                return new NanoTestResult(name, NanoTestOutcome.Passed, null, DateTime.UtcNow.Ticks - started);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
            {
                return FromException(name, wrapped.InnerException);
            }
            catch (Exception ex)
            {
                // Wrong DataRow arity or argument types: the device fails these too.
                return FromException(name, ex);
            }
        }

        private static NanoTestResult FromException(string name, Exception ex)
        {
            return ex.GetType() == typeof(SkipTestException)
                ? new NanoTestResult(name, NanoTestOutcome.Skipped, ex.Message, 0)
                : new NanoTestResult(name, NanoTestOutcome.Failed, ex.Message, 0); // the device launcher prints the message only
        }

        /// <summary>The device launcher drops [TestMethod] when [DataRow]s are present (TestFrameworkShared/Helper.cs).</summary>
        private static object[] WithoutTestMethodWhenDataRows(object[] attributes)
        {
            bool hasRows = attributes.Any(a => a.GetType() == typeof(DataRowAttribute));
            return hasRows ? attributes.Where(a => a.GetType() != typeof(TestMethodAttribute)).ToArray() : attributes;
        }

        private static string InstanceStateError(Type type)
        {
            FieldInfo field = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).FirstOrDefault();
            return field == null
                ? null
                : "test class keeps instance state (field " + field.Name + "): nanoFramework's launcher never creates an instance; make it static";
        }
    }
}
