using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmtpCodes.Analyzers.Benchmarks.Report
{
    /// <summary>The report as Markdown tables: the same text goes to the console and to <c>benchmark.md</c>.</summary>
    internal static class MarkdownWriter
    {
        internal static string Write(BenchmarkReport report)
        {
            var text = new StringBuilder();
            text.Append("Run ").Append(report.GeneratedAtUtc).Append(" UTC on ").Append(report.Machine).Append("; Roslyn ").Append(report.Roslyn)
                .Append("; seed ").Append(report.Seed).Append("; median of ").Append(report.Repetitions).Append(" repetitions after ")
                .Append(report.Warmups).Append(" warm-up(s); single-threaded compiler and analyzers.\n\n");

            // The summary: one row per corpus and size, one column per analyzer.
            var header = new List<string> { "corpus", "lines", "compiler ms" };
            foreach (var name in report.ProjectAnalyzers)
            {
                header.Add(name + " ms");
            }

            header.AddRange(new[] { ReportBuilder.ProjectTotal + " ms", "% of compiler" });
            foreach (var name in report.Peers)
            {
                header.Add(name + " ms");
            }

            foreach (var name in report.Probes)
            {
                header.Add(name + " ms");
            }

            header.AddRange(new[]
            {
                "× IDE0010+IDE0072", "compiler ms/1k lines", "SmtpCodes ms/1k lines", "SmtpCodes alloc KB", "compiler alloc MB",
            });
            var rows = new List<List<string>>();
            foreach (var row in report.Summary)
            {
                var cells = new List<string> { row.Corpus, Int(row.Lines), Ms(row.CompilerMs) };
                foreach (var name in report.ProjectAnalyzers)
                {
                    cells.Add(row.AnalyzerMs.TryGetValue(name, out var ms) ? Ms(ms) : "n/a");
                }

                cells.Add(Ms(row.ProjectMs));
                cells.Add(Percent(row.ProjectPercentOfCompiler));
                foreach (var name in report.Peers)
                {
                    cells.Add(row.AnalyzerMs.TryGetValue(name, out var ms) ? Ms(ms) : "n/a");
                }

                foreach (var name in report.Probes)
                {
                    cells.Add(row.AnalyzerMs.TryGetValue(name, out var ms) ? Ms(ms) : "n/a");
                }

                cells.Add(row.ProjectRatioToPopulateSwitch is { } ratio ? "×" + ratio.ToString("F2", CultureInfo.InvariantCulture) : "n/a");
                cells.Add(row.CompilerMsPer1kLines.ToString("F1", CultureInfo.InvariantCulture));
                cells.Add(row.ProjectMsPer1kLines.ToString("F3", CultureInfo.InvariantCulture));
                cells.Add((row.ProjectAllocatedBytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture));
                cells.Add((row.CompilerAllocatedBytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture));
                rows.Add(cells);
            }

            if (rows.Count > 0)
            {
                Table(text, header, rows);
                text.Append("\nPer analyzer (ms: Roslyn's telemetry of the analyzer's callbacks, run alone; wall and allocations: the analyzer's run minus a run with an analyzer that registers nothing, so the driver's work for it is included):\n\n");
            }

            header = new List<string> { "corpus", "lines", "analyzer", "ms", "% of compiler", "× IDE0010+IDE0072", "ms/1k lines", "wall over baseline ms", "alloc over baseline KB", "diagnostics" };
            rows = new List<List<string>>();
            foreach (var row in report.Details)
            {
                rows.Add(new List<string>
                {
                    row.Corpus,
                    Int(row.Lines),
                    row.IsPeer ? row.Analyzer + " (peer)" : row.IsProbe ? row.Analyzer + " (probe)" : row.IsRuleAlone ? row.Analyzer + " (rule alone)" : row.Analyzer,
                    Ms(row.Ms),
                    Percent(row.PercentOfCompiler),
                    row.RatioToPopulateSwitch is { } ratio ? "×" + ratio.ToString("F2", CultureInfo.InvariantCulture) : "n/a",
                    row.MsPer1kLines.ToString("F3", CultureInfo.InvariantCulture),
                    row.WallOverBaselineMs.ToString("F0", CultureInfo.InvariantCulture),
                    (row.AllocatedBytesOverBaseline / 1024.0).ToString("F0", CultureInfo.InvariantCulture),
                    Int(row.Diagnostics),
                });
            }

            if (rows.Count > 0)
            {
                Table(text, header, rows);
            }

            if (report.CompilationStart.Count > 0)
            {
                text.Append("\nCompilation start on an editor's new compilation after a one-file edit (every project analyzer's start actions: the status enums' catalog and the gate; the compiler's own declaration work done beforehand):\n\n");
                rows = new List<List<string>>();
                foreach (var row in report.CompilationStart)
                {
                    rows.Add(new List<string>
                    {
                        Int(row.References), Int(row.MailLibraries), Int(row.Files), row.GateOpen ? "open" : "shut", Ms(row.FirstMs),
                        row.MedianAfterEditMs.ToString("F3", CultureInfo.InvariantCulture), row.MinAfterEditMs.ToString("F3", CultureInfo.InvariantCulture),
                        row.MaxAfterEditMs.ToString("F3", CultureInfo.InvariantCulture),
                    });
                }

                Table(text, new List<string> { "references", "of which mail libraries", "files", "gate", "first compilation ms", "after an edit: median ms", "min ms", "max ms" }, rows);
            }

            if (report.Targets.Count > 0)
            {
                text.Append("\nTargets:\n\n");
                rows = new List<List<string>>();
                foreach (var target in report.Targets)
                {
                    rows.Add(new List<string> { target.Target, target.Measured, target.Verdict });
                }

                Table(text, new List<string> { "target", "measured", "verdict" }, rows);
            }

            text.Append('\n');
            if (report.MissingPeers.Count == 0)
            {
                text.Append("Peers: all loaded (").Append(string.Join(", ", report.Peers)).Append(").\n");
            }
            else
            {
                foreach (var missing in report.MissingPeers)
                {
                    text.Append("Peer ").Append(missing.Name).Append(" could not load: ").Append(missing.Reason).Append('\n');
                }
            }

            foreach (var exception in report.AnalyzerExceptions)
            {
                text.Append("Analyzer exception: ").Append(exception).Append('\n');
            }

            return text.ToString();
        }

        private static void Table(StringBuilder text, List<string> header, List<List<string>> rows)
        {
            var widths = new int[header.Count];
            for (var i = 0; i < header.Count; i++)
            {
                widths[i] = header[i].Length;
                foreach (var row in rows)
                {
                    widths[i] = System.Math.Max(widths[i], row[i].Length);
                }
            }

            Line(text, header, widths);
            text.Append('|');
            foreach (var width in widths)
            {
                text.Append(new string('-', width + 2)).Append('|');
            }

            text.Append('\n');
            foreach (var row in rows)
            {
                Line(text, row, widths);
            }
        }

        private static void Line(StringBuilder text, List<string> cells, int[] widths)
        {
            text.Append('|');
            for (var i = 0; i < cells.Count; i++)
            {
                text.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
            }

            text.Append('\n');
        }

        private static string Ms(double ms) => ms.ToString(ms >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

        private static string Percent(double percent) => percent.ToString("F3", CultureInfo.InvariantCulture) + "%";

        private static string Int(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
