using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SensorNode.Benchmarks.Fleet
{
    /// <summary>
    /// A line chart of connects per second over the seconds after a broker restart, one line per run, as plain SVG
    /// (no library: a few paths and labels).
    /// </summary>
    public static class ConnectRateSvg
    {
        private const int Width = 760;
        private const int Height = 380;
        private const int Left = 60;
        private const int Right = 20;
        private const int Top = 48;
        private const int Bottom = 50;
        private static readonly string[] Colours = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };

        /// <param name="note">A second title line (what was measured, e.g. which core), or null.</param>
        public static string Render(string title, string note, IReadOnlyList<(string Name, int[] PerSecond)> series, double? limitSeconds)
        {
            int seconds = series.Max(s => s.PerSecond.Length);
            int yMax = NiceCeiling(Math.Max(1, series.Max(s => s.PerSecond.Length == 0 ? 0 : s.PerSecond.Max())));
            double plotWidth = Width - Left - Right;
            double plotHeight = Height - Top - Bottom;
            Func<double, double> x = s => Left + s / Math.Max(1, seconds) * plotWidth;
            Func<double, double> y = v => Top + plotHeight - v / yMax * plotHeight;

            StringBuilder svg = new StringBuilder();
            svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
            svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
            svg.Append($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");
            if (note != null)
            {
                svg.Append($"<text x=\"{Width / 2}\" y=\"33\" text-anchor=\"middle\" fill=\"#555\">{Escape(note)}</text>\n");
            }

            for (int i = 0; i <= 5; i++)
            {
                double value = yMax * i / 5.0;
                svg.Append($"<line x1=\"{Left}\" y1=\"{F(y(value))}\" x2=\"{Width - Right}\" y2=\"{F(y(value))}\" stroke=\"#ddd\"/>\n");
                svg.Append($"<text x=\"{Left - 6}\" y=\"{F(y(value) + 4)}\" text-anchor=\"end\">{F(value)}</text>\n");
            }

            int step = seconds <= 30 ? 5 : 10;
            for (int s = 0; s <= seconds; s += step)
            {
                svg.Append($"<line x1=\"{F(x(s))}\" y1=\"{Top + plotHeight}\" x2=\"{F(x(s))}\" y2=\"{Top + plotHeight + 4}\" stroke=\"black\"/>\n");
                svg.Append($"<text x=\"{F(x(s))}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{s}</text>\n");
            }

            svg.Append($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>\n");
            svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>\n");
            svg.Append($"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">seconds after the broker restarted (mosquitto's log)</text>\n");
            svg.Append($"<text transform=\"translate(16 {Top + plotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">CONNECTs accepted per second</text>\n");

            if (limitSeconds != null && limitSeconds.Value <= seconds)
            {
                double lx = x(limitSeconds.Value);
                svg.Append($"<line x1=\"{F(lx)}\" y1=\"{Top}\" x2=\"{F(lx)}\" y2=\"{Top + plotHeight}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>\n");
                svg.Append($"<text x=\"{F(lx - 4)}\" y=\"{Top + plotHeight - 6}\" text-anchor=\"end\" fill=\"#555\">goal: all back by {F(limitSeconds.Value)} s</text>\n");
            }

            for (int i = 0; i < series.Count; i++)
            {
                string colour = Colours[i % Colours.Length];
                int[] values = series[i].PerSecond;
                // Each second's count drawn as a step over that second, so a one-second burst reads as one.
                StringBuilder path = new StringBuilder();
                for (int s = 0; s < values.Length; s++)
                {
                    path.Append(s == 0 ? "M" : "L").Append(F(x(s))).Append(' ').Append(F(y(values[s]))).Append(' ');
                    path.Append('L').Append(F(x(s + 1))).Append(' ').Append(F(y(values[s]))).Append(' ');
                }

                svg.Append($"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
                int ly = Top + 16 + 18 * i;
                svg.Append($"<line x1=\"{Width - Right - 250}\" y1=\"{ly - 4}\" x2=\"{Width - Right - 226}\" y2=\"{ly - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
                svg.Append($"<text x=\"{Width - Right - 220}\" y=\"{ly}\">{Escape(series[i].Name)}</text>\n");
            }

            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static int NiceCeiling(int value)
        {
            foreach (int candidate in new[] { 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000 })
            {
                if (value <= candidate)
                {
                    return candidate;
                }
            }

            return value;
        }

        private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
