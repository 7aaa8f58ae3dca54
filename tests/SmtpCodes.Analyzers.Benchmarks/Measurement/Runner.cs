using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Benchmarks.Corpus;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>One timed run.</summary>
    internal readonly struct Sample
    {
        internal Sample(double ms, double wallMs, long allocatedBytes)
        {
            Ms = ms;
            WallMs = wallMs;
            AllocatedBytes = allocatedBytes;
        }

        /// <summary>For an analyzer, Roslyn's own account of the time spent in its callbacks; for the compiler, the wall clock.</summary>
        internal double Ms { get; }

        internal double WallMs { get; }

        internal long AllocatedBytes { get; }
    }

    /// <summary>What one corpus costs the compiler and each analyzer: every repetition kept, medians taken by the report.</summary>
    internal sealed class CorpusMeasurement
    {
        internal CorpusMeasurement(CorpusKind kind, int files, int lines)
        {
            Kind = kind;
            Files = files;
            Lines = lines;
        }

        internal CorpusKind Kind { get; }

        internal int Files { get; }

        internal int Lines { get; }

        internal List<Sample> Compiler { get; } = new();

        /// <summary>CompilationWithAnalyzers with an analyzer that registers nothing: the compiler plus the driver's fixed cost.</summary>
        internal List<Sample> Baseline { get; } = new();

        internal Dictionary<string, List<Sample>> Analyzers { get; } = new(StringComparer.Ordinal);

        /// <summary>Diagnostics each analyzer reported (its own IDs), in the last repetition: proof that it ran.</summary>
        internal Dictionary<string, int> Diagnostics { get; } = new(StringComparer.Ordinal);

        /// <summary>Exceptions an analyzer threw (AD0001), by analyzer, with the first message.</summary>
        internal Dictionary<string, string> Exceptions { get; } = new(StringComparer.Ordinal);

        internal int CompilerErrors { get; set; }

        internal string? FirstCompilerError { get; set; }
    }

    /// <summary>Runs the compiler and each analyzer over a corpus, alone, single-threaded, on fresh compilations.</summary>
    internal sealed class Runner
    {
        private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

        private readonly CorpusReferences _references;
        private readonly IReadOnlyList<MeasuredAnalyzer> _analyzers;
        private readonly CSharpCompilationOptions _compilationOptions;

        internal Runner(CorpusReferences references, IReadOnlyList<MeasuredAnalyzer> analyzers)
        {
            _references = references;
            _analyzers = analyzers;

            // Peers' rules are off or hidden by default (IDE0010/IDE0072 are silent, S109 is not in Sonar's default set):
            // they are turned on as warnings, as a project that wants them would. concurrentBuild: false, so that the
            // compiler and the analyzers (concurrentAnalysis: false below) are both timed on one thread.
            var specific = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            foreach (var analyzer in analyzers)
            {
                if (analyzer.IsPeer)
                {
                    foreach (var id in analyzer.Ids)
                    {
                        specific[id] = ReportDiagnostic.Warn;
                    }
                }
            }

            _compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                specificDiagnosticOptions: specific.ToImmutable());
        }

        internal async Task MeasureAsync(CorpusMeasurement measurement, IReadOnlyList<CorpusFile> files, int repetitions, int warmups, Action<string> log)
        {
            var references = _references.For(measurement.Kind);

            for (var round = -warmups; round < repetitions; round++)
            {
                var record = round >= 0;

                // The compiler: parse, bind and flow-analyse a fresh compilation.
                var compiler = MeasureCompiler(files, references, out var errors, out var firstError);
                measurement.CompilerErrors = errors;
                measurement.FirstCompilerError = firstError;
                if (errors > 0)
                {
                    return;
                }

                var trees = Parse(files);
                var baseline = await MeasureAnalyzerAsync(measurement, trees, references, null).ConfigureAwait(false);
                if (record)
                {
                    measurement.Compiler.Add(compiler);
                    measurement.Baseline.Add(baseline);
                }

                foreach (var analyzer in _analyzers)
                {
                    var sample = await MeasureAnalyzerAsync(measurement, trees, references, analyzer).ConfigureAwait(false);
                    if (record)
                    {
                        Add(measurement.Analyzers, analyzer.Name, sample);
                    }
                }

                log($"  {(record ? "repetition " + (round + 1) : "warm-up")}: compiler {compiler.Ms:F0} ms");
            }
        }

        private static void Add(Dictionary<string, List<Sample>> samples, string name, Sample sample)
        {
            if (!samples.TryGetValue(name, out var list))
            {
                list = new List<Sample>();
                samples.Add(name, list);
            }

            list.Add(sample);
        }

        private Sample MeasureCompiler(IReadOnlyList<CorpusFile> files, ImmutableArray<MetadataReference> references, out int errors, out string? firstError)
        {
            Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var compilation = CSharpCompilation.Create("Corpus", Parse(files), references, _compilationOptions);
            var diagnostics = compilation.GetDiagnostics();
            stopwatch.Stop();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            errors = 0;
            firstError = null;
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    firstError ??= diagnostic.ToString();
                    errors++;
                }
            }

            return new Sample(stopwatch.Elapsed.TotalMilliseconds, stopwatch.Elapsed.TotalMilliseconds, bytes);
        }

        private async Task<Sample> MeasureAnalyzerAsync(CorpusMeasurement measurement, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, MeasuredAnalyzer? analyzer)
        {
            var compilation = CSharpCompilation.Create("Corpus", trees, references, _compilationOptions);

            // As csc does before it starts the analyzers (the parse and declaration stages): bind the references and
            // build the source assembly. Otherwise the first analyzer to look a type up pays for the compiler's
            // reference binding in its telemetry (seen in the profile: CSharpCompilation.Assembly under
            // GetTypeByMetadataName). The analyzers' compilation (WithEventQueue) reuses this binding, as in a build.
            _ = compilation.Assembly;

            // ...and declare the source symbols (csc reports declaration diagnostics before it binds method bodies):
            // otherwise the first GetTypeByMetadataName of a compilation-start action pays for merging every file's
            // declarations, which grows with the corpus (seen as ~1 ms per analyzer at 200k lines on no-SMTP code).
            _ = compilation.GetDeclarationDiagnostics();
            var target = analyzer?.Analyzer ?? new RegistersNothingAnalyzer();
            var analyzers = ImmutableArray.Create(target);
            var name = analyzer?.Name ?? "(baseline)";
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) =>
                {
                    lock (measurement.Exceptions)
                    {
                        if (!measurement.Exceptions.ContainsKey(name))
                        {
                            measurement.Exceptions.Add(name, AnalyzerSet.Describe(exception));
                        }
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);

            Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            stopwatch.Stop();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(target, CancellationToken.None).ConfigureAwait(false);
            if (analyzer is not null)
            {
                var count = 0;
                foreach (var diagnostic in diagnostics)
                {
                    if (analyzer.Ids.Contains(diagnostic.Id))
                    {
                        count++;
                    }
                }

                measurement.Diagnostics[analyzer.Name] = count;
            }

            return new Sample(telemetry.ExecutionTime.TotalMilliseconds, stopwatch.Elapsed.TotalMilliseconds, bytes);
        }

        private static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<CorpusFile> files)
        {
            var trees = ImmutableArray.CreateBuilder<SyntaxTree>(files.Count);
            foreach (var file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text), ParseOptions, "/corpus/" + file.Path));
            }

            return trees.MoveToImmutable();
        }

        /// <summary>Starts each run with the same heap, so that one run's garbage is not collected on the next one's clock.</summary>
        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        /// <summary>The baseline: an analyzer the driver must carry but that asks for nothing.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class RegistersNothingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Descriptor = new(
                "BENCH000", "Baseline", "Baseline", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            }
        }
    }
}
