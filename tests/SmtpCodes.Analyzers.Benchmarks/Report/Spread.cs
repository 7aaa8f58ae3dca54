using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SmtpCodes.Analyzers.Benchmarks.Report
{
    /// <summary>
    /// The statistics the headline measures print: a median and the spread around it (lowest and highest), and the
    /// verdict of a target. No Roslyn here: the test project compiles this file in and checks it directly.
    /// </summary>
    public static class Spread
    {
        public static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                throw new ArgumentException("The median of nothing.", nameof(values));
            }

            var sorted = new List<double>(values);
            sorted.Sort();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /// <summary>"median (lowest–highest)" with <paramref name="format"/> for each number, e.g. <c>1.043 (0.981–1.120)</c>.</summary>
        public static string Describe(IReadOnlyList<double> values, string format)
        {
            var lowest = double.MaxValue;
            var highest = double.MinValue;
            foreach (var value in values)
            {
                lowest = Math.Min(lowest, value);
                highest = Math.Max(highest, value);
            }

            return string.Format(CultureInfo.InvariantCulture, "{0} ({1}–{2})", Format(Median(values), format), Format(lowest, format), Format(highest, format));
        }

        /// <summary>The target's verdict line: "what: how much: holds|fails".</summary>
        public static string Verdict(string target, string measured, string verdict) => $"{target}: {measured}: **{verdict}**";

        public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>The machine's load average (<c>/proc/loadavg</c>): the benchmark prints it at the start and end of each measure.</summary>
    public static class LoadAverage
    {
        /// <summary>"1.38 0.49 0.17" (1, 5 and 15 minutes), or "unknown" where there is no <c>/proc/loadavg</c>.</summary>
        public static string Read()
        {
            try
            {
                return Parse(File.ReadAllText("/proc/loadavg")) ?? "unknown";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "unknown";
            }
        }

        /// <summary>The first three fields of the file's text, or null when it does not start with three numbers.</summary>
        public static string? Parse(string text)
        {
            var fields = text.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                return null;
            }

            for (var i = 0; i < 3; i++)
            {
                if (!double.TryParse(fields[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    return null;
                }
            }

            return string.Join(" ", fields[0], fields[1], fields[2]);
        }
    }
}
