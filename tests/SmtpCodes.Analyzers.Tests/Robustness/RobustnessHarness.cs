using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>Compilations of a <see cref="SourceCase"/> and runs of every analyzer over them, with every exception caught.</summary>
    public static class RobustnessHarness
    {
        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> s_references = new(async () =>
        {
            var net10 = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            return net10.AddRange(TestReferences.Libraries);
        });

        /// <summary>.NET 10 reference assemblies plus MailKit, MimeKit, SmtpServer and Polly, resolved once.</summary>
        public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => s_references.Value;

        public static CSharpParseOptions ParseOptions(SourceCase source) =>
            new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: source.PreprocessorSymbols);

        public static CSharpCompilationOptions CompilationOptions(bool hasTopLevelStatements) =>
            new CSharpCompilationOptions(
                hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable);

        public static string PathOf(SourceDocument document) => "/src/" + document.Path;

        public static ImmutableArray<SyntaxTree> Parse(SourceCase source, CancellationToken cancellationToken = default)
        {
            var options = ParseOptions(source);
            return source.Documents
                .Select(document => CSharpSyntaxTree.ParseText(SourceText.From(document.Text, Encoding.UTF8), options, PathOf(document), cancellationToken))
                .ToImmutableArray();
        }

        public static bool HasTopLevelStatements(IEnumerable<SyntaxTree> trees) =>
            trees.Any(tree => ((CompilationUnitSyntax)tree.GetRoot()).Members.Any(member => member is GlobalStatementSyntax));

        public static async Task<CSharpCompilation> CreateCompilationAsync(SourceCase source, CancellationToken cancellationToken = default)
        {
            var trees = Parse(source, cancellationToken);
            return CSharpCompilation.Create(
                "Robustness",
                trees,
                await ReferencesAsync().ConfigureAwait(false),
                CompilationOptions(HasTopLevelStatements(trees)));
        }

        /// <summary>The options of <paramref name="source"/> as a root .editorconfig gives them: on every file, not global.</summary>
        public static AnalyzerOptions AnalyzerOptions(SourceCase source) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(ImmutableDictionary<string, string>.Empty, source.Options));

        /// <summary>Runs every analyzer; exceptions reported by the driver, AD0001-like diagnostics and thrown exceptions are all collected.</summary>
        public static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, bool concurrent = false, CancellationToken cancellationToken = default)
        {
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                SmtpCodesComponents.Analyzers,
                new CompilationWithAnalyzersOptions(
                    options,
                    (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            ImmutableArray<Diagnostic> diagnostics;
            try
            {
                diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                exceptions.Enqueue("driver: " + exception);
                diagnostics = ImmutableArray<Diagnostic>.Empty;
            }

            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id.StartsWith("AD", StringComparison.Ordinal))
                {
                    exceptions.Enqueue(diagnostic.ToString());
                }
            }

            return new AnalysisRun(diagnostics, exceptions.ToImmutableArray());
        }

        /// <summary>Diagnostics in a stable order, with everything a fix reads: for comparing runs.</summary>
        public static ImmutableArray<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .Select(d => string.Join(
                    " | ",
                    d.Id,
                    d.Location.SourceTree?.FilePath ?? "-",
                    d.Location.SourceSpan.ToString(),
                    d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(";", d.AdditionalLocations.Select(l => l.SourceSpan.ToString())),
                    string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))))
                .OrderBy(text => text, StringComparer.Ordinal)
                .ToImmutableArray();

        /// <summary>Fails with the diagnostics only one side has.</summary>
        public static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual, string what)
        {
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail($"{what}: the diagnostics differ.\nOnly expected:\n  {string.Join("\n  ", expected.Except(actual))}\nOnly actual:\n  {string.Join("\n  ", actual.Except(expected))}\n(counts {expected.Length} and {actual.Length})");
            }
        }

        /// <summary>Deterministic seed from a name (string.GetHashCode differs per process).</summary>
        public static int Seed(string name)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in name)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return hash & int.MaxValue;
            }
        }

        /// <summary>The source that caused a failure, numbered, for the failure message.</summary>
        public static string Show(string text)
        {
            var lines = text.Split('\n');
            var builder = new StringBuilder();
            for (var i = 0; i < lines.Length && i < 200; i++)
            {
                builder.Append((i + 1).ToString().PadLeft(4)).Append(": ").Append(lines[i].TrimEnd('\r')).Append('\n');
            }

            if (lines.Length > 200)
            {
                builder.Append("... (").Append(lines.Length - 200).Append(" more lines)\n");
            }

            return builder.ToString();
        }
    }

    public sealed class AnalysisRun
    {
        public AnalysisRun(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> exceptions)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Every exception an analyzer threw (AD0001), or the driver reported. Must be empty.</summary>
        public ImmutableArray<string> Exceptions { get; }

        public ImmutableArray<Diagnostic> OfId(string id) => Diagnostics.Where(d => d.Id == id).ToImmutableArray();
    }

    /// <summary>Analyzer config options from dictionaries: what a global config gives, and what each file's .editorconfig gives.</summary>
    public sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;
        private readonly DictionaryOptions _perTree;

        public DictionaryOptionsProvider(ImmutableDictionary<string, string> global, ImmutableDictionary<string, string> perTree)
        {
            _global = new DictionaryOptions(global);
            _perTree = new DictionaryOptions(perTree);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perTree;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _perTree;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            internal DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
