using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Benchmarks.Corpus;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// <c>--replay</c>: an analyzer's syntax-node callbacks called directly, over and over, on one bound corpus, without
    /// the driver. The compiler's binding is done once, before the clock starts, so a profiler attached to this mode
    /// sees the analyzer's own code and Roslyn's work on its behalf (semantic model queries) and little else. Each
    /// round starts the analyzer afresh (compilation start), so its per-compilation caches are rebuilt as in a build.
    /// Not the benchmark's measure (the driver's own cost per callback and per diagnostic is left out): a tool for
    /// finding where an analyzer's time goes.
    /// </summary>
    internal static class Replay
    {
        internal static int Run(MeasuredAnalyzer analyzer, IReadOnlyList<CorpusFile> files, ImmutableArray<MetadataReference> references, int rounds, Action<string> log)
        {
            var trees = new List<SyntaxTree>(files.Count);
            foreach (var file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), "/corpus/" + file.Path));
            }

            var compilation = CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = 0;
            foreach (var diagnostic in compilation.GetDiagnostics())
            {
                errors += diagnostic.Severity == DiagnosticSeverity.Error ? 1 : 0;
            }

            if (errors > 0)
            {
                log($"The corpus does not compile ({errors} errors).");
                return Program.ExitCorpusDoesNotCompile;
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            // Warm-up on a compilation of its own (same corpus, bound separately): the JIT compiles the analyzer here, so
            // that the first measured round shows what a new compilation costs it (symbols and values met for the first time).
            var warmUp = compilation.Clone();
            _ = warmUp.GetDiagnostics();
            var warmUpNodes = CollectNodes(warmUp, Start(analyzer.Analyzer, warmUp, options));
            for (var round = 0; round < 2; round++)
            {
                ForEachCallback(Start(analyzer.Analyzer, warmUp, options), warmUpNodes, (site, callback) =>
                    callback(Context(site, options, _ => { })));
            }

            var registered = Start(analyzer.Analyzer, compilation, options);
            var nodes = CollectNodes(compilation, registered);
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var site in nodes)
            {
                var kind = site.Node.Kind().ToString();
                kinds[kind] = kinds.TryGetValue(kind, out var count) ? count + 1 : 1;
            }

            var perKind = new List<string>();
            foreach (var pair in kinds)
            {
                perKind.Add($"{pair.Key} {pair.Value:N0}");
            }

            log($"{analyzer.Name}: replaying its syntax-node callbacks over {nodes.Count:N0} nodes ({string.Join(", ", perKind)}), {rounds} rounds");

            var diagnostics = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var collectionsBefore = GC.CollectionCount(0);
            var pauseBefore = GC.GetTotalPauseDuration();
            var stopwatch = new Stopwatch();
            var times = new List<double>(rounds);
            var starts = new List<double>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                stopwatch.Restart();
                // Compilation start, timed on a compilation of its own (as each build and each edit brings); the callbacks
                // then run against the bound one, whose semantic models their nodes were collected with.
                _ = Start(analyzer.Analyzer, compilation.Clone(), options);
                starts.Add(stopwatch.Elapsed.TotalMilliseconds);
                var reported = 0;
                ForEachCallback(Start(analyzer.Analyzer, compilation, options), nodes, (site, callback) =>
                    callback(Context(site, options, _ => reported++)));

                stopwatch.Stop();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                diagnostics = reported;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / rounds;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / rounds;
            // One more round, each callback measured alone: where the time and the allocations go, by syntax kind,
            // split by whether the callback reported.
            var split = new SortedDictionary<string, (int Calls, long Ticks, long Bytes)>(StringComparer.Ordinal);
            ForEachCallback(Start(analyzer.Analyzer, compilation, options), nodes, (site, callback) =>
            {
                var reportedHere = 0;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var ticks = Stopwatch.GetTimestamp();
                callback(Context(site, options, _ => reportedHere++));
                ticks = Stopwatch.GetTimestamp() - ticks;
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                var key = site.Node.Kind() + (reportedHere > 0 ? " (reported)" : "");
                var current = split.TryGetValue(key, out var value) ? value : default;
                split[key] = (current.Calls + 1, current.Ticks + ticks, current.Bytes + bytes);
            });

            foreach (var pair in split)
            {
                log($"  {pair.Key}: {pair.Value.Calls:N0} calls, {pair.Value.Ticks * 1000.0 / Stopwatch.Frequency:F3} ms, {pair.Value.Bytes / 1024.0:F0} KB");
            }

            var first = times[0];
            times.Sort();
            starts.Sort();
            log($"{analyzer.Name}: median {times[times.Count / 2]:F2} ms per round (min {times[0]:F2}, first {first:F2}; compilation start {starts[starts.Count / 2]:F3}), {diagnostics} diagnostics, "
                + $"{allocated / 1024.0:F0} KB allocated and {pause:F2} ms of GC pause per round ({collections} collections in {rounds} rounds)");
            return 0;
        }

        /// <summary>A node a callback is registered for, with what the driver would pass along with it.</summary>
        private readonly record struct Site(SyntaxNode Node, ISymbol? ContainingSymbol, SemanticModel Model);

        /// <summary>
        /// The context the driver would pass. Its constructor is marked obsolete for analyzer tests, which should go
        /// through <c>CompilationWithAnalyzers</c>; bypassing the driver is what this mode is for.
        /// </summary>
        private static SyntaxNodeAnalysisContext Context(Site site, AnalyzerOptions options, Action<Diagnostic> report)
        {
#pragma warning disable CS0618
            return new SyntaxNodeAnalysisContext(site.Node, site.ContainingSymbol, site.Model, options, report, _ => true, CancellationToken.None);
#pragma warning restore CS0618
        }

        /// <summary>Hands each callback registered for a node's kind, with the node, to <paramref name="call"/>.</summary>
        private static void ForEachCallback(
            Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> actions,
            List<Site> sites,
            Action<Site, Action<SyntaxNodeAnalysisContext>> call)
        {
            foreach (var site in sites)
            {
                if (actions.TryGetValue(site.Node.Kind(), out var callbacks))
                {
                    foreach (var callback in callbacks)
                    {
                        call(site, callback);
                    }
                }
            }
        }

        /// <summary>
        /// Every node of a registered kind, with one semantic model per file whose member bodies are bound and their
        /// operation trees built before the clock starts, as a build's other analyzers leave them.
        /// </summary>
        private static List<Site> CollectNodes(Compilation compilation, Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> registered)
        {
            var result = new List<Site>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax)
                    {
                        _ = model.GetOperation(node);
                    }

                    if (registered.ContainsKey(node.Kind()))
                    {
                        result.Add(new Site(node, model.GetEnclosingSymbol(node.SpanStart), model));
                    }
                }
            }

            return result;
        }

        /// <summary>The analyzer's compilation-start actions run on <paramref name="compilation"/>; what they registered, by syntax kind.</summary>
        internal static Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> Start(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
        {
            var context = new RecordingContext();
            analyzer.Initialize(context);
            var start = new RecordingStartContext(compilation, options);
            foreach (var action in context.StartActions)
            {
                action(start);
            }

            return start.SyntaxNodeActions;
        }

        private sealed class RecordingContext : AnalysisContext
        {
            internal List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
        }

        private sealed class RecordingStartContext : CompilationStartAnalysisContext
        {
            internal RecordingStartContext(Compilation compilation, AnalyzerOptions options)
                : base(compilation, options, CancellationToken.None)
            {
            }

            internal Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> SyntaxNodeActions { get; } = new();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
                foreach (var kind in syntaxKinds)
                {
                    var syntaxKind = (SyntaxKind)(object)kind;
                    if (!SyntaxNodeActions.TryGetValue(syntaxKind, out var list))
                    {
                        list = new List<Action<SyntaxNodeAnalysisContext>>();
                        SyntaxNodeActions.Add(syntaxKind, list);
                    }

                    list.Add(action);
                }
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unsupported();

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        }

        private static NotSupportedException Unsupported() => new("--replay replays syntax-node actions only");
    }
}
