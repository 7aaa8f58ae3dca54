using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Benchmarks.Measurement;
using SmtpCodes.Analyzers.Benchmarks.Report;

namespace SmtpCodes.Analyzers.Benchmarks.Editor
{
    /// <summary>
    /// Where a keystroke's time goes (issue 21, item 4), in-process: the editor measure's mail sender compiled against
    /// .NET and MailKit, the same statement typed key by key, each key a new compilation (<see cref="SyntaxTree.WithChangedText"/>,
    /// <see cref="Compilation.ReplaceSyntaxTree"/>) whose document the compiler has bound already, as the editor's own
    /// diagnostics do. Then the document's analyzer diagnostics (syntax and semantic), as an editor asks for them:
    /// with this package's analyzers, and with one analyzer that registers nothing (the driver's own cost). Roslyn's
    /// telemetry splits ours by analyzer; the compilation-start actions (catalog, gate) are also timed alone.
    /// </summary>
    internal static class KeystrokeProfile
    {
        internal static async Task<string> MeasureAsync(IReadOnlyList<MeasuredAnalyzer> analyzers, CorpusReferences references, int rounds)
        {
            var ours = analyzers.Select(analyzer => analyzer.Analyzer).ToImmutableArray();
            var nothing = ImmutableArray.Create(Probes.Nothing().Analyzer);
            var syntaxProbe = Probes.All().First(probe => probe.Name == "probe:syntax Cast");
            var floor = Probes.All().First(probe => probe.Name == "probe:binding floor");
            var probeWall = new Dictionary<string, List<double>> { [syntaxProbe.Name] = new(), [floor.Name] = new() };
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(EditorLatency.MailSenderSource), parse, "/editor/MailSender.cs");
            Compilation compilation = CSharpCompilation.Create(
                "Editor",
                new[] { tree },
                references.Framework.AddRange(references.MailLibraries),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var at = EditorLatency.MailSenderSource.IndexOf(EditorLatency.TypingMarker, StringComparison.Ordinal);

            var withOurs = new List<double>();
            var withNothing = new List<double>();
            var start = new List<double>();
            var perAnalyzer = new Dictionary<string, List<double>>();
            var aloneWall = new Dictionary<string, List<double>>();
            foreach (var analyzer in analyzers)
            {
                perAnalyzer[analyzer.Name] = new List<double>();
                aloneWall[analyzer.Name] = new List<double>();
            }

            for (var round = 0; round <= rounds; round++)
            {
                for (var key = 0; key <= EditorLatency.Typed.Length; key++)
                {
                    // Key 0 of each round takes the statement away again.
                    var text = tree.GetText();
                    var change = key == 0
                        ? new TextChange(new TextSpan(at, round == 0 ? 0 : EditorLatency.Typed.Length), "")
                        : new TextChange(new TextSpan(at + key - 1, 0), EditorLatency.Typed[key - 1].ToString());
                    var changed = tree.WithChangedText(text.WithChanges(change));
                    compilation = compilation.ReplaceSyntaxTree(tree, changed);
                    tree = changed;
                    if (key == 0)
                    {
                        continue;
                    }

                    // Whichever goes first pays for binding the document on its own compilation: alternate, and
                    // bind each analyzer set's compilation first (the editor's compiler diagnostics).
                    var first = key % 2 == 0;
                    var a = await TimeAsync(compilation, tree, first ? ours : nothing, options).ConfigureAwait(false);
                    var b = await TimeAsync(compilation, tree, first ? nothing : ours, options).ConfigureAwait(false);
                    var (oursRun, nothingRun) = first ? (a, b) : (b, a);
                    foreach (var probe in new[] { syntaxProbe, floor })
                    {
                        var alone = await TimeAsync(compilation, tree, ImmutableArray.Create(probe.Analyzer), options).ConfigureAwait(false);
                        if (round > 0)
                        {
                            probeWall[probe.Name].Add(alone.WallMs);
                        }
                    }

                    foreach (var analyzer in analyzers)
                    {
                        var alone = await TimeAsync(compilation, tree, ImmutableArray.Create(analyzer.Analyzer), options).ConfigureAwait(false);
                        if (round > 0)
                        {
                            aloneWall[analyzer.Name].Add(alone.WallMs);
                        }
                    }

                    var stopwatch = Stopwatch.StartNew();
                    foreach (var analyzer in analyzers)
                    {
                        Replay.Start(analyzer.Analyzer, compilation, options);
                    }

                    var startMs = stopwatch.Elapsed.TotalMilliseconds;
                    if (round == 0)
                    {
                        continue;
                    }

                    withOurs.Add(oursRun.WallMs);
                    withNothing.Add(nothingRun.WallMs);
                    start.Add(startMs);
                    foreach (var analyzer in analyzers)
                    {
                        perAnalyzer[analyzer.Name].Add(oursRun.Telemetry.TryGetValue(analyzer.Analyzer, out var ms) ? ms : 0);
                    }
                }
            }

            var table = new StringBuilder();
            table.Append(CultureInfo.InvariantCulture, $"In-process, the editor measure's mail sender, {rounds} rounds of {EditorLatency.Typed.Length} keys after one discarded; each key a new compilation whose document is bound first. Median (lowest–highest) ms per key.\n\n");
            table.Append("| per key | ms |\n|---|---|\n");
            table.Append("| document's analyzer diagnostics, this package's analyzers | ").Append(Spread.Describe(withOurs, "F2")).Append(" |\n");
            table.Append("| the same, one analyzer that registers nothing | ").Append(Spread.Describe(withNothing, "F2")).Append(" |\n");
            table.Append("| the same, one analyzer with one do-nothing syntax-node action (cast) | ").Append(Spread.Describe(probeWall[syntaxProbe.Name], "F2")).Append(" |\n");
            table.Append("| the same, the binding floor (one question per body the rules' gates let through) | ").Append(Spread.Describe(probeWall[floor.Name], "F2")).Append(" |\n");
            table.Append("| compilation-start actions of this package's analyzers alone (catalog, gate) | ").Append(Spread.Describe(start, "F3")).Append(" |\n");
            foreach (var analyzer in analyzers)
            {
                table.Append("| ").Append(analyzer.Name).Append(": telemetry | ").Append(Spread.Describe(perAnalyzer[analyzer.Name], "F3")).Append(" |\n");
                table.Append("| ").Append(analyzer.Name).Append(": document's analyzer diagnostics with it alone | ").Append(Spread.Describe(aloneWall[analyzer.Name], "F2")).Append(" |\n");
            }

            return table.Append('\n').ToString();
        }

        private static async Task<(double WallMs, Dictionary<DiagnosticAnalyzer, double> Telemetry)> TimeAsync(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            _ = model.GetDiagnostics();
            var stopwatch = Stopwatch.StartNew();
            _ = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, default).ConfigureAwait(false);
            _ = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, default).ConfigureAwait(false);
            var wall = stopwatch.Elapsed.TotalMilliseconds;
            var telemetry = new Dictionary<DiagnosticAnalyzer, double>();
            foreach (var analyzer in analyzers)
            {
                telemetry[analyzer] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
            }

            return (wall, telemetry);
        }
    }
}
