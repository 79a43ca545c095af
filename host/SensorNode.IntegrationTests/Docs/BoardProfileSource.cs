using System.IO;
using System.Text.RegularExpressions;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>
    /// The board profile Program.cs boots with (<c>BoardProfile board = X.Create();</c>), read from its source: a
    /// field's value is what the profile assigns it (<c>board.I2cDataGpio = 21;</c>), else BoardProfile's initialiser.
    /// </summary>
    public sealed class BoardProfileSource
    {
        private readonly FirmwareSource _defaults;

        private BoardProfileSource(string profileClass)
        {
            ProfileClass = profileClass;
            Profile = FirmwareSource.Load("SensorNode/Board/Profiles/" + profileClass + ".cs");
            _defaults = FirmwareSource.Load("SensorNode/Board/Profiles/BoardProfile.cs");
        }

        public string ProfileClass { get; }

        public FirmwareSource Profile { get; }

        public static BoardProfileSource OfProgram()
        {
            FirmwareSource program = FirmwareSource.Load("SensorNode/Program.cs");
            Match chosen = Regex.Match(program.Code, @"BoardProfile\s+board\s*=\s*(\w+)\.Create\(\)");
            if (!chosen.Success)
            {
                throw new InvalidDataException("SensorNode/Program.cs: no 'BoardProfile board = <Profile>.Create()' to tell which board profile boots");
            }

            return new BoardProfileSource(chosen.Groups[1].Value);
        }

        /// <summary>The field's value as the booting profile has it; throws when the source gives none.</summary>
        public string Field(string name)
        {
            string value = Profile.ValueAssignedTo(name, "board") ?? _defaults.ValueAssignedTo(name);
            if (value == null)
            {
                throw new InvalidDataException("neither " + Profile.Path + " nor BoardProfile.cs gives BoardProfile." + name + " a plain value");
            }

            return value;
        }

        /// <summary>The outputs the profile lists (<c>OutputSpec.Switch("relay", …)</c>, <c>OutputSpec.Dimmer("strip", …)</c>), in order, commented-out ones left out.</summary>
        public (string Id, bool Dimmer)[] Outputs()
        {
            MatchCollection specs = Regex.Matches(Profile.Code, @"OutputSpec\.(Switch|Dimmer)\(\s*""([^""]+)""");
            var outputs = new (string, bool)[specs.Count];
            for (int i = 0; i < specs.Count; i++)
            {
                outputs[i] = (specs[i].Groups[2].Value, specs[i].Groups[1].Value == "Dimmer");
            }

            return outputs;
        }
    }
}
