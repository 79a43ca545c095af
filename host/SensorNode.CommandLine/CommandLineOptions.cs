using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace SensorNode.CommandLine
{
    /// <summary>
    /// Options as every host program reads them: a value option takes the word after it, and when it is given twice
    /// the last one wins (a script appends its own to a caller's defaults, as the integration tests' harness does);
    /// a flag takes no value, so "--tls true" leaves "true" unexpected.
    /// </summary>
    public static class CommandLineOptions
    {
        /// <summary>A text value; <paramref name="defaultValue"/> (shown by --help) when the option is not given.</summary>
        public static Option<string> Value(string name, string helpName, string description, string defaultValue = null)
        {
            Option<string> option = new Option<string>(name)
            {
                HelpName = helpName,
                Description = description,
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
                CustomParser = LastValue,
            };
            if (defaultValue != null)
            {
                option.DefaultValueFactory = _ => defaultValue;
            }

            return option;
        }

        /// <summary>
        /// A whole number from <paramref name="min"/> to <paramref name="max"/> (digits only, no sign); anything else is
        /// "NAME takes a whole number from MIN to MAX, not 'TEXT'". Without a default, GetResult tells whether it was given.
        /// </summary>
        public static Option<T> WholeNumber<T>(string name, string helpName, string description, T min, T max, T? defaultValue = null)
            where T : struct, IBinaryInteger<T>
        {
            return WholeNumber(name, helpName, description, min, max, "from " + min + " to " + max, defaultValue);
        }

        /// <summary>A whole number from <paramref name="min"/> up: "NAME takes a whole number from MIN, not 'TEXT'" when it is not.</summary>
        public static Option<T> WholeNumberFrom<T>(string name, string helpName, string description, T min, T? defaultValue = null)
            where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
        {
            return WholeNumber(name, helpName, description, min, T.MaxValue, "from " + min, defaultValue);
        }

        private static Option<T> WholeNumber<T>(string name, string helpName, string description, T min, T max, string range, T? defaultValue)
            where T : struct, IBinaryInteger<T>
        {
            Option<T> option = new Option<T>(name)
            {
                HelpName = helpName,
                Description = description,
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
                CustomParser = result =>
                {
                    string text = LastValue(result);
                    if (T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out T value) && value >= min && value <= max)
                    {
                        return value;
                    }

                    result.AddError(name + " takes a whole number " + range + ", not '" + text + "'");
                    return default;
                },
            };
            if (defaultValue.HasValue)
            {
                option.DefaultValueFactory = _ => defaultValue.Value;
            }

            return option;
        }

        /// <summary>An on/off switch: present is on.</summary>
        public static Option<bool> Flag(string name, string description)
        {
            return new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero };
        }

        private static string LastValue(ArgumentResult result)
        {
            return result.Tokens[result.Tokens.Count - 1].Value;
        }
    }
}
