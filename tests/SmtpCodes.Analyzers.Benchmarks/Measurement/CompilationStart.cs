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
    /// on each new compilation: the median over the edits is the number the target (≤ 1 ms) judges.
    /// </summary>
    internal static class CompilationStart
    {
        internal const int ReferenceCount = 200;

        internal const int FileCount = 1_000;

        internal const double TargetMs = 1.0;

        private const int Edits = 21;

        internal static int Run(IReadOnlyList<MeasuredAnalyzer> analyzers, CorpusReferences references, int seed, Action<string> log)
        {
            var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var files = new CorpusGenerator(seed).Generate(CorpusKind.NoSmtp, int.MaxValue, FileCount);
            var trees = new List<SyntaxTree>(files.Count);
            foreach (var file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text), parse, "/corpus/" + file.Path));
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            log($"Compilation start: {files.Count:N0} files, one edited per new compilation, {Edits} edits; project analyzers: {analyzers.Count}");
            log("");
            log("| references | of which mail libraries | gate | first compilation ms | after an edit: median ms | min ms | max ms | target | verdict |");
            log("|---|---|---|---|---|---|---|---|---|");
            var holds = true;
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
                        return 1;
                    }
                }

                times.Sort();
                var median = times[times.Count / 2];
                holds &= median <= TargetMs;
                log($"| {set.Length} | {(withMail ? 3 : 0)} | {(open ? "open" : "shut")} | {first:F2} | {median:F3} | {times[0]:F3} | {times[times.Count - 1]:F3} | <= {TargetMs:F0} ms | {(median <= TargetMs ? "holds" : "fails")} |");
            }

            log("");
            log("Before each timed start the compiler's own work for the new compilation is done (its assembly, declarations, and a type look-up), as the editor's other features have done by then.");
            return 0;
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
