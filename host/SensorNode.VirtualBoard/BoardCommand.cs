using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Net;
using SensorNode.CommandLine;
using SensorNode.HostBoard.I2c;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The board server's command line: where to listen, where to say so, the chips on the bus and their weather. A
    /// bad value is "the message (--help lists the options)", exit code 2, before anything listens.
    /// </summary>
    public sealed class BoardCommand : RootCommand
    {
        public const string RunCommand = "dotnet host/SensorNode.VirtualBoard/bin/Debug/net10.0/SensorNode.VirtualBoard.dll";

        private const string About =
            "Serves the virtual ESP32's board (host/VirtualEsp32): the simulator's register-level chips on I2C bus 1 and the "
            + "pins of the ESP32-DevKitC board profile, to the device's I2C, GPIO and PWM natives over a local socket. Prints "
            + "every pin and PWM change (\"pin 26 -> LOW (relay ON)\"). Protocol: host/VirtualEsp32/native/board/README.md.";

        private const string Footer =
@"While it runs, type requests of the protocol on its console, e.g.: fail bme280 nack|stuck|hang, heal bme280,
get pin 26, get pwm 32, get output relay, set pin 4 1.

Example (as host/VirtualEsp32/run.sh starts it; the device then gets VESP32_BOARD=$(cat board.address)):
  " + RunCommand + @" --chips bme280,sht3x,scd4x,aht20 --address-file board.address --exit-with $$";

        private readonly Option<IPEndPoint> _listen = new Option<IPEndPoint>("--listen")
        {
            HelpName = "HOST:PORT",
            Description = "where to listen; port 0 takes a free one; the device finds it in VESP32_BOARD=HOST:PORT",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => new IPEndPoint(IPAddress.Loopback, 0),
            CustomParser = result =>
            {
                string text = result.Tokens[result.Tokens.Count - 1].Value;
                IPEndPoint endpoint = Endpoint(text);
                if (endpoint == null)
                {
                    result.AddError("--listen takes an IP address and a port, e.g. 127.0.0.1:0, not '" + text + "'");
                }

                return endpoint;
            },
        };

        private readonly Option<string> _addressFile = CommandLineOptions.Value("--address-file", "FILE",
            "write HOST:PORT there once listening (for a script that chose port 0)");

        private readonly Option<string> _chips = CommandLineOptions.Value("--chips", "A,B",
            "the chips on the I2C bus, named as the sensor ids the node publishes, at their addresses: " + VirtualChips.Describe()
            + " (one chip per address)",
            "bme280");

        private readonly Option<int> _seed = CommandLineOptions.WholeNumber("--seed", "N",
            "seed of the weather the chips measure (default: from the clock)", 0, int.MaxValue);

        private readonly Option<int> _exitWith = CommandLineOptions.WholeNumber("--exit-with", "PID",
            "stop when process PID ends (the script that started the board, so that killing it, even with kill -9, "
            + "leaves no board behind)", 1, int.MaxValue);

        public BoardCommand(Func<BoardOptions, int> serve)
            : base(About)
        {
            HelpName = RunCommand;
            foreach (Option option in new Option[] { _listen, _addressFile, _chips, _seed, _exitWith })
            {
                Options.Add(option);
            }

            UnexpectedWords.Refuse(this, word => "unknown option " + word);
            CommandLineProgram.Prepare(this, command => Footer);
            SetAction(parsed => serve(new BoardOptions(
                parsed.GetValue(_listen),
                parsed.GetValue(_addressFile),
                parsed.GetValue(_chips).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).ToList(),
                parsed.GetResult(_seed) == null ? null : parsed.GetValue(_seed),
                parsed.GetResult(_exitWith) == null ? null : parsed.GetValue(_exitWith))));
        }

        /// <summary>Prints why the command line was refused, and returns the exit code for it.</summary>
        public static int Refuse(IReadOnlyList<string> messages)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, messages) + " (--help lists the options)");
            return CommandLineProgram.UsageError;
        }

        /// <summary>"127.0.0.1:0", "[::1]:5000"; null if it is not an IP address and a port.</summary>
        private static IPEndPoint Endpoint(string text)
        {
            int colon = text.LastIndexOf(':');
            return colon > 0
                && IPAddress.TryParse(text.Substring(0, colon).Trim('[', ']'), out IPAddress address)
                && int.TryParse(text.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)
                && port <= 65535
                ? new IPEndPoint(address, port)
                : null;
        }
    }
}
