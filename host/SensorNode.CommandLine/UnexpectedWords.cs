using System;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace SensorNode.CommandLine
{
    /// <summary>
    /// Words a command has no place for, refused in the program's own wording ("unknown option --x") instead of
    /// System.CommandLine's: a hidden argument takes them and names each as an error.
    /// </summary>
    public static class UnexpectedWords
    {
        public static void Refuse(Command command, Func<string, string> message)
        {
            Argument<string[]> rest = new Argument<string[]>("unexpected") { Hidden = true, Arity = ArgumentArity.ZeroOrMore };
            rest.Validators.Add(result =>
            {
                foreach (Token word in result.Tokens)
                {
                    result.AddError(message(word.Value));
                }
            });
            command.Arguments.Add(rest);
        }
    }
}
