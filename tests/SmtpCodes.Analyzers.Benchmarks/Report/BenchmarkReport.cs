using System;
using System.Collections.Generic;
using SmtpCodes.Analyzers.Benchmarks.Corpus;
using SmtpCodes.Analyzers.Benchmarks.Measurement;

namespace SmtpCodes.Analyzers.Benchmarks.Report
{
    /// <summary>Everything one run found, as written to JSON: medians only, and how they were obtained.</summary>
    public sealed class BenchmarkReport
    {
        public string GeneratedAtUtc { get; set; } = "";

        public string Machine { get; set; } = "";

        public string Roslyn { get; set; } = "";

        public string FrameworkReferences { get; set; } = "";

        public int Seed { get; set; }

        public int Repetitions { get; set; }

        public int Warmups { get; set; }

        public List<string> ProjectAnalyzers { get; set; } = new();

        public List<string> Peers { get; set; } = new();

        /// <summary>The do-nothing probes (<c>--probes</c>), if asked for.</summary>
        public List<string> Probes { get; set; } = new();

        public List<PeerFailure> MissingPeers { get; set; } = new();

        public List<SummaryRow> Summary { get; set; } = new();

        public List<DetailRow> Details { get; set; } = new();

        public List<TargetResult> Targets { get; set; } = new();

        /// <summary>The analyzers' compilation-start work on an editor's compilation after a one-file edit.</summary>
        public List<CompilationStartRow> CompilationStart { get; set; } = new();

        public List<string> AnalyzerExceptions { get; set; } = new();

        /// <summary>What a user feels: real builds and a keystroke, with and without the package (issue 21).</summary>
        public Headline Headline { get; set; } = new();
    }

    public sealed class PeerFailure
    {
        public string Name { get; set; } = "";

        public string Reason { get; set; } = "";
    }

    /// <summary>One corpus at one size: the compiler, each analyzer's median time, and this project's analyzers together.</summary>
    public sealed class SummaryRow
    {
        public string Corpus { get; set; } = "";

        public int Lines { get; set; }

        public int Files { get; set; }

        public double CompilerMs { get; set; }

        public double CompilerMsPer1kLines { get; set; }

        public long CompilerAllocatedBytes { get; set; }

        /// <summary>Median analyzer-callback time (Roslyn's telemetry), by analyzer name (this project's type names, peers' rule IDs).</summary>
        public Dictionary<string, double> AnalyzerMs { get; set; } = new(StringComparer.Ordinal);

        /// <summary>This project's analyzers together: the sum of their medians.</summary>
        public double ProjectMs { get; set; }

        public double ProjectPercentOfCompiler { get; set; }

        public double ProjectMsPer1kLines { get; set; }

        /// <summary>IDE0010 + IDE0072, when both loaded.</summary>
        public double? PopulateSwitchMs { get; set; }

        public double? ProjectRatioToPopulateSwitch { get; set; }

        /// <summary>What this project's analyzers allocate beyond the baseline run (the driver's work for them included).</summary>
        public long ProjectAllocatedBytes { get; set; }
    }

    /// <summary>One analyzer (or peer) on one corpus at one size.</summary>
    public sealed class DetailRow
    {
        public string Corpus { get; set; } = "";

        public int Lines { get; set; }

        public string Analyzer { get; set; } = "";

        public bool IsPeer { get; set; }

        public bool IsProbe { get; set; }

        /// <summary>One rule of SmtpCodesAnalyzer alone (not added to the package's total).</summary>
        public bool IsRuleAlone { get; set; }

        public double CompilerMs { get; set; }

        /// <summary>Median of Roslyn's telemetry: time spent in the analyzer's own callbacks.</summary>
        public double Ms { get; set; }

        public double PercentOfCompiler { get; set; }

        /// <summary>Ms over IDE0010 + IDE0072's ms on the same corpus.</summary>
        public double? RatioToPopulateSwitch { get; set; }

        public double MsPer1kLines { get; set; }

        /// <summary>Median wall clock of the whole CompilationWithAnalyzers run (compiler included).</summary>
        public double RunWallMs { get; set; }

        /// <summary>Run wall clock minus the baseline run's: the analyzer's cost including the driver's work for it (noisy).</summary>
        public double WallOverBaselineMs { get; set; }

        /// <summary>Bytes allocated beyond the baseline run.</summary>
        public long AllocatedBytesOverBaseline { get; set; }

        public int Diagnostics { get; set; }
    }

    public sealed class CompilationStartRow
    {
        public int References { get; set; }

        public int MailLibraries { get; set; }

        public int Files { get; set; }

        public bool GateOpen { get; set; }

        /// <summary>The first compilation: nothing kept yet.</summary>
        public double FirstMs { get; set; }

        public double MedianAfterEditMs { get; set; }

        public double MinAfterEditMs { get; set; }

        public double MaxAfterEditMs { get; set; }
    }

    public sealed class TargetResult
    {
        public string Target { get; set; } = "";

        public string Measured { get; set; } = "";

        /// <summary>"holds", "fails", "n/a at this size" or "not measured".</summary>
        public string Verdict { get; set; } = "";
    }

    internal static class ReportBuilder
    {
        internal const string ProjectTotal = "SmtpCodes (all)";

        internal static void Add(BenchmarkReport report, CorpusMeasurement measurement, IReadOnlyList<MeasuredAnalyzer> analyzers)
        {
            var corpus = Name(measurement.Kind);
            var compilerMs = Median(measurement.Compiler, s => s.Ms);
            var baselineWall = Median(measurement.Baseline, s => s.WallMs);
            var baselineBytes = MedianBytes(measurement.Baseline);
            var summary = new SummaryRow
            {
                Corpus = corpus,
                Lines = measurement.Lines,
                Files = measurement.Files,
                CompilerMs = Round(compilerMs),
                CompilerMsPer1kLines = Round(compilerMs * 1000 / measurement.Lines),
                CompilerAllocatedBytes = MedianBytes(measurement.Compiler),
            };

            double? populateSwitch = null;
            var ide = 0;
            foreach (var id in AnalyzerSet.PopulateSwitchIds)
            {
                if (measurement.Analyzers.TryGetValue(id, out var samples))
                {
                    populateSwitch = (populateSwitch ?? 0) + Median(samples, s => s.Ms);
                    ide++;
                }
            }

            if (ide != AnalyzerSet.PopulateSwitchIds.Length)
            {
                populateSwitch = null;
            }

            double projectMs = 0;
            long projectBytes = 0;
            foreach (var analyzer in analyzers)
            {
                if (!measurement.Analyzers.TryGetValue(analyzer.Name, out var samples))
                {
                    continue;
                }

                var ms = Median(samples, s => s.Ms);
                var wall = Median(samples, s => s.WallMs);
                var bytes = MedianBytes(samples) - baselineBytes;
                summary.AnalyzerMs[analyzer.Name] = Round(ms);
                if (!analyzer.IsPeer && !analyzer.IsProbe && !analyzer.IsRuleAlone)
                {
                    projectMs += ms;
                    projectBytes += bytes;
                }

                report.Details.Add(new DetailRow
                {
                    Corpus = corpus,
                    Lines = measurement.Lines,
                    Analyzer = analyzer.Name,
                    IsPeer = analyzer.IsPeer,
                    IsProbe = analyzer.IsProbe,
                    IsRuleAlone = analyzer.IsRuleAlone,
                    CompilerMs = Round(compilerMs),
                    Ms = Round(ms),
                    PercentOfCompiler = Round(100 * ms / compilerMs, 4),
                    RatioToPopulateSwitch = populateSwitch is { } peer && peer > 0 ? Round(ms / peer, 3) : null,
                    MsPer1kLines = Round(ms * 1000 / measurement.Lines, 4),
                    RunWallMs = Round(wall),
                    WallOverBaselineMs = Round(wall - baselineWall),
                    AllocatedBytesOverBaseline = bytes,
                    Diagnostics = measurement.Diagnostics.TryGetValue(analyzer.Name, out var count) ? count : 0,
                });
            }

            summary.ProjectMs = Round(projectMs);
            summary.ProjectPercentOfCompiler = Round(100 * projectMs / compilerMs, 4);
            summary.ProjectMsPer1kLines = Round(projectMs * 1000 / measurement.Lines, 4);
            summary.PopulateSwitchMs = populateSwitch is null ? null : Round(populateSwitch.Value);
            summary.ProjectRatioToPopulateSwitch = populateSwitch is { } total && total > 0 ? Round(projectMs / total, 3) : null;
            summary.ProjectAllocatedBytes = projectBytes;
            report.Summary.Add(summary);

            foreach (var pair in measurement.Exceptions)
            {
                report.AnalyzerExceptions.Add($"{corpus} {measurement.Lines} lines: {pair.Key} threw {pair.Value}");
            }
        }

        /// <summary>The size the targets are meant for: they are judged on a corpus of at least this many lines.</summary>
        internal const int TargetLines = 200_000;

        /// <summary>How much the per-line cost may rise from the next smaller size to the target size (it may fall freely).</summary>
        internal const double ScalingAllowance = 0.25;

        internal const string NotAtThisSize = "n/a at this size";

        /// <summary>
        /// The targets, each judged on the largest row of its corpus when that row has at least <see cref="TargetLines"/>
        /// lines; a smaller run says "n/a at this size" (fixed per-compilation costs weigh more on small corpora).
        /// Scaling compares the target-size row with the next smaller one, one-sided.
        /// </summary>
        internal static void JudgeTargets(BenchmarkReport report)
        {
            foreach (var kind in new[] { CorpusKind.SmtpHeavy, CorpusKind.NoSmtp, CorpusKind.MailReferenced })
            {
                var rows = BySize(report, Name(kind));
                if (rows.Count == 0)
                {
                    continue;
                }

                var row = rows[rows.Count - 1];
                var atSize = row.Lines >= TargetLines;
                var percent = kind switch
                {
                    CorpusKind.SmtpHeavy => 1.0,
                    CorpusKind.MailReferenced => 0.3,
                    _ => 0.1,
                };
                Judge(report, atSize, $"{Name(kind)} {TargetLines:N0} lines: all SmtpCodes analyzers <= {percent:0.0##}% of the compiler",
                    $"{row.ProjectMs:F2} ms = {row.ProjectPercentOfCompiler:F3}% of {row.CompilerMs:F0} ms ({row.Lines:N0} lines)", row.ProjectPercentOfCompiler <= percent);

                if (kind == CorpusKind.SmtpHeavy)
                {
                    const double peerShare = 0.25;
                    if (row.PopulateSwitchMs is { } peer)
                    {
                        Judge(report, atSize, $"{Name(kind)} {TargetLines:N0} lines: all SmtpCodes analyzers <= {peerShare:0.00}x IDE0010 + IDE0072",
                            $"{row.ProjectMs:F1} ms vs {peer:F1} ms (x{row.ProjectRatioToPopulateSwitch:F2})", row.ProjectMs <= peerShare * peer);
                    }
                    else
                    {
                        report.Targets.Add(new TargetResult { Target = $"{Name(kind)}: all SmtpCodes analyzers <= {peerShare:0.00}x IDE0010 + IDE0072", Measured = "IDE0010/IDE0072 did not run", Verdict = "not measured" });
                    }
                }

                var smaller = rows.Count >= 2 ? rows[rows.Count - 2] : null;
                var change = smaller is { ProjectMsPer1kLines: > 0 } ? (row.ProjectMsPer1kLines / smaller.ProjectMsPer1kLines) - 1 : 0;
                var measured = smaller is null
                    ? "one size only"
                    : $"{row.ProjectMsPer1kLines:F4} vs {smaller.ProjectMsPer1kLines:F4} ms/1k lines at {smaller.Lines:N0} ({change:+0%;-0%}); compiler {row.CompilerMsPer1kLines:F1} vs {smaller.CompilerMsPer1kLines:F1}";
                Judge(report, atSize && smaller is not null, $"{Name(kind)} scaling: SmtpCodes ms per 1k lines at {TargetLines:N0} at most {ScalingAllowance * 100:0}% above the next smaller size",
                    measured, change <= ScalingAllowance);
                if (kind == CorpusKind.MailReferenced)
                {
                    Judge(report, atSize && smaller is not null, $"{Name(kind)} scaling: SmtpCodes ms per 1k lines at {TargetLines:N0} no more than at the next smaller size",
                        measured, change <= 0);
                }
            }
        }

        internal static string Name(CorpusKind kind) => kind switch
        {
            CorpusKind.SmtpHeavy => "SMTP-heavy",
            CorpusKind.MailReferenced => "Mail-referenced",
            _ => "No-SMTP",
        };

        private static void Judge(BenchmarkReport report, bool applies, string target, string measured, bool holds) =>
            report.Targets.Add(new TargetResult { Target = target, Measured = measured, Verdict = !applies ? NotAtThisSize : holds ? "holds" : "fails" });

        private static List<SummaryRow> BySize(BenchmarkReport report, string corpus)
        {
            var rows = new List<SummaryRow>();
            foreach (var row in report.Summary)
            {
                if (row.Corpus == corpus)
                {
                    rows.Add(row);
                }
            }

            rows.Sort((a, b) => a.Lines.CompareTo(b.Lines));
            return rows;
        }

        private static double Median(List<Sample> samples, Func<Sample, double> value)
        {
            if (samples.Count == 0)
            {
                return 0;
            }

            var values = new double[samples.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = value(samples[i]);
            }

            Array.Sort(values);
            var middle = values.Length / 2;
            return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }

        private static long MedianBytes(List<Sample> samples) => (long)Median(samples, s => s.AllocatedBytes);

        private static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
    }
}
