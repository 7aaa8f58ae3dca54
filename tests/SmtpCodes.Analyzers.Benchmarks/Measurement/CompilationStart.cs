using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Benchmarks.Corpus;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// <c>--compilation-start</c>: what a keystroke costs the analyzers before they analyse anything. An editor makes a
    /// new compilation for every edit, with the same references and every tree but the edited one reused; each
    /// analyzer's compilation-start action (the status enums' catalog and the gate) runs again on it. This mode builds
    /// such a project (<see cref="ReferenceCount"/> references, <see cref="FileCount"/> files), edits one file at a time
    /// with <see cref="SyntaxTree.WithChangedText"/>, and times the compilation-start actions of every project analyzer
    /// on each new compilation: the median over the edits is the number the target (≤ 1 ms) judges. Part of every
    /// benchmark run (it takes seconds), and alone with <c>--compilation-start</c>.
    /// </summary>
    internal static class CompilationStart
    {
        internal const int ReferenceCount = 200;

        internal const int FileCount = 1_000;

        internal const double TargetMs = 1.0;

        private const int Edits = 21;

        /// <summary>
        /// Measures both projects (without and with the mail libraries among the references), adds a row for each and
        /// the target's verdict to <paramref name="report"/>; false when an edit that changes no name changed the gate.
        /// </summary>
        internal static bool Measure(Report.BenchmarkReport report, IReadOnlyList<MeasuredAnalyzer> analyzers, CorpusReferences references, int seed, Action<string> log)
        {
            var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var files = new CorpusGenerator(seed).Generate(CorpusKind.NoSmtp, int.MaxValue, FileCount);
            var trees = new List<SyntaxTree>(files.Count);
            foreach (var file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text), parse, "/corpus/" + file.Path));
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            log($"Compilation start: {files.Count:N0} files, {ReferenceCount} references, {Edits} one-file edits, {analyzers.Count} project analyzers");
            var medians = new List<double>();
            foreach (var withMail in new[] { false, true })
            {
                var set = References(references, withMail);
                var compilation = CSharpCompilation.Create("Editor", trees, set, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                PrepareAsTheEditorHas(compilation);
                var stopwatch = Stopwatch.StartNew();
                var open = StartAll(analyzers, compilation, options);
                var first = stopwatch.Elapsed.TotalMilliseconds;

                var times = new List<double>(Edits);
                for (var edit = 0; edit < Edits; edit++)
                {
                    var tree = compilation.SyntaxTrees[(edit * 37) % FileCount];
                    var text = tree.GetText();
                    var changed = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "// edit " + edit + "\n")));
                    compilation = compilation.ReplaceSyntaxTree(tree, changed);
                    PrepareAsTheEditorHas(compilation);
                    stopwatch.Restart();
                    var stillOpen = StartAll(analyzers, compilation, options);
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                    if (stillOpen != open)
                    {
                        log($"The gate changed on an edit that adds a comment (was {open}, now {stillOpen})");
                        return false;
                    }
                }

                times.Sort();
                var median = times[times.Count / 2];
                medians.Add(median);
                report.CompilationStart.Add(new Report.CompilationStartRow
                {
                    References = set.Length,
                    MailLibraries = withMail ? references.MailLibraries.Length : 0,
                    Files = files.Count,
                    GateOpen = open,
                    FirstMs = Math.Round(first, 2),
                    MedianAfterEditMs = Math.Round(median, 3),
                    MinAfterEditMs = Math.Round(times[0], 3),
                    MaxAfterEditMs = Math.Round(times[times.Count - 1], 3),
                });
                log($"  {(withMail ? "with" : "without")} the mail libraries: gate {(open ? "open" : "shut")}, first {first:F1} ms, after an edit {median:F3} ms (median)");
            }

            medians.Sort();
            var worst = medians[medians.Count - 1];
            report.Targets.Add(new Report.TargetResult
            {
                Target = $"Compilation start after a one-file edit ({ReferenceCount} references, {FileCount:N0} files): <= {TargetMs:0} ms",
                Measured = $"{worst:F3} ms (median of {Edits} edits, the slower of the two projects)",
                Verdict = worst <= TargetMs ? "holds" : "fails",
            });
            return true;
        }

        /// <summary>The compiler's share, which the editor pays for any semantic question: not charged to the analyzers.</summary>
        private static void PrepareAsTheEditorHas(Compilation compilation)
        {
            _ = compilation.Assembly;
            _ = compilation.GetTypeByMetadataName("Benchmark.NotAType");
        }

        /// <summary>Every analyzer's compilation-start actions; whether any registered something (the gate is open).</summary>
        private static bool StartAll(IReadOnlyList<MeasuredAnalyzer> analyzers, Compilation compilation, AnalyzerOptions options)
        {
            var registered = false;
            foreach (var analyzer in analyzers)
            {
                registered |= Replay.Start(analyzer.Analyzer, compilation, options).Count > 0;
            }

            return registered;
        }

        /// <summary>
        /// <see cref="ReferenceCount"/> references: the framework's, the mail libraries (or not), and as many other
        /// assemblies from beside this program (Roslyn, BouncyCastle, ...) as make up the count.
        /// </summary>
        private static ImmutableArray<MetadataReference> References(CorpusReferences references, bool withMail)
        {
            var set = ImmutableArray.CreateBuilder<MetadataReference>();
            set.AddRange(references.Framework);
            if (withMail)
            {
                set.AddRange(references.MailLibraries);
            }

            // A web application's: the ASP.NET Core reference pack beside the framework's (then this program's own libraries).
            var others = new List<string>();
            var aspNet = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(references.FrameworkSource)))!, "..", "Microsoft.AspNetCore.App.Ref");
            if (Directory.Exists(aspNet))
            {
                foreach (var version in Directory.GetDirectories(aspNet))
                {
                    var refDirectory = Path.Combine(version, "ref", Path.GetFileName(references.FrameworkSource));
                    if (Directory.Exists(refDirectory))
                    {
                        others.AddRange(Directory.GetFiles(refDirectory, "*.dll"));
                        break;
                    }
                }
            }

            var mine = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
            Array.Sort(mine, StringComparer.Ordinal);
            others.AddRange(mine);
            var mail = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MailKit.dll", "MimeKit.dll", "SmtpServer.dll" };
            foreach (var path in others)
            {
                if (set.Count >= ReferenceCount)
                {
                    break;
                }

                var name = Path.GetFileName(path);
                if (mail.Contains(name) || name.StartsWith("SmtpCodes.", StringComparison.Ordinal) || !IsManagedAssembly(path))
                {
                    continue;
                }

                set.Add(MetadataReference.CreateFromFile(path));
            }

            return set.ToImmutable();
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                _ = System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
