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
    /// <c>--replay</c>: an analyzer's operation callbacks called directly, over and over, on one bound corpus, without
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
            var warmUpOperations = CollectOperations(warmUp);
            for (var round = 0; round < 2; round++)
            {
                ForEachCallback(Start(analyzer.Analyzer, warmUp, options), warmUpOperations, (operation, containingSymbol, callback) =>
                    callback(Context(operation, containingSymbol, warmUp, options, _ => { })));
            }

            var operations = CollectOperations(compilation);
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var registered = Start(analyzer.Analyzer, compilation, options);
            foreach (var (operation, _) in operations)
            {
                if (registered.ContainsKey(operation.Kind))
                {
                    kinds[operation.Kind.ToString()] = kinds.TryGetValue(operation.Kind.ToString(), out var count) ? count + 1 : 1;
                }
            }

            var perKind = new List<string>();
            foreach (var pair in kinds)
            {
                perKind.Add($"{pair.Key} {pair.Value:N0}");
            }

            log($"{analyzer.Name}: replaying its operation callbacks over {operations.Count:N0} operations ({string.Join(", ", perKind)}), {rounds} rounds");

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
                // then run against the bound one, whose symbols their operations hold.
                _ = Start(analyzer.Analyzer, compilation.Clone(), options);
                starts.Add(stopwatch.Elapsed.TotalMilliseconds);
                var reported = 0;
                ForEachCallback(Start(analyzer.Analyzer, compilation, options), operations, (operation, containingSymbol, callback) =>
                    callback(Context(operation, containingSymbol, compilation, options, _ => reported++)));

                stopwatch.Stop();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                diagnostics = reported;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / rounds;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / rounds;
            // One more round, each callback measured alone: where the time and the allocations go, by operation kind,
            // split by whether the callback reported.
            var split = new SortedDictionary<string, (int Calls, long Ticks, long Bytes)>(StringComparer.Ordinal);
            ForEachCallback(Start(analyzer.Analyzer, compilation, options), operations, (operation, containingSymbol, callback) =>
            {
                var reportedHere = 0;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var ticks = Stopwatch.GetTimestamp();
                callback(Context(operation, containingSymbol, compilation, options, _ => reportedHere++));
                ticks = Stopwatch.GetTimestamp() - ticks;
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                var key = operation.Kind + (reportedHere > 0 ? " (reported)" : "");
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

        /// <summary>
        /// The context the driver would pass. Its constructor is marked obsolete for analyzer tests, which should go
        /// through <c>CompilationWithAnalyzers</c>; bypassing the driver is what this mode is for.
        /// </summary>
        private static OperationAnalysisContext Context(IOperation operation, ISymbol containingSymbol, Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report)
        {
#pragma warning disable CS0618
            return new OperationAnalysisContext(operation, containingSymbol, compilation, options, report, _ => true, CancellationToken.None);
#pragma warning restore CS0618
        }

        /// <summary>Hands each callback registered for an operation's kind, with the operation, to <paramref name="call"/>.</summary>
        private static void ForEachCallback(
            Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> actions,
            List<(IOperation Operation, ISymbol ContainingSymbol)> operations,
            Action<IOperation, ISymbol, Action<OperationAnalysisContext>> call)
        {
            foreach (var (operation, containingSymbol) in operations)
            {
                if (actions.TryGetValue(operation.Kind, out var callbacks))
                {
                    foreach (var callback in callbacks)
                    {
                        call(operation, containingSymbol, callback);
                    }
                }
            }
        }

        private static List<(IOperation Operation, ISymbol ContainingSymbol)> CollectOperations(Compilation compilation)
        {
            var result = new List<(IOperation, ISymbol)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    SyntaxNode? body = node switch
                    {
                        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                        PropertyDeclarationSyntax property => property.ExpressionBody,
                        _ => null,
                    };
                    if (body is null || model.GetOperation(body) is not { } root)
                    {
                        continue;
                    }

                    var symbol = model.GetDeclaredSymbol(node) ?? throw new InvalidOperationException("no symbol for " + node.Kind());
                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        result.Add((operation, symbol));
                    }
                }
            }

            return result;
        }

        /// <summary>The analyzer's compilation-start actions run on <paramref name="compilation"/>; what they registered, by operation kind.</summary>
        internal static Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> Start(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
        {
            var context = new RecordingContext();
            analyzer.Initialize(context);
            var start = new RecordingStartContext(compilation, options);
            foreach (var action in context.StartActions)
            {
                action(start);
            }

            return start.OperationActions;
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

            internal Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> OperationActions { get; } = new();

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            {
                foreach (var kind in operationKinds)
                {
                    if (!OperationActions.TryGetValue(kind, out var list))
                    {
                        list = new List<Action<OperationAnalysisContext>>();
                        OperationActions.Add(kind, list);
                    }

                    list.Add(action);
                }
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
        }

        private static NotSupportedException Unsupported() => new("--replay replays operation actions only");
    }
}
