using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using SmtpCodes.Analyzers.Tests.Robustness;
using Xunit;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// <see cref="SmtpCodesAnalyzer"/> runs every rule in one walk. What it reports must be exactly what its rules report
    /// one at a time (the views the rule tests use), and a rule configured off in a file must not be called there.
    /// </summary>
    public class MergedAnalyzerTests
    {
        private static readonly string[] s_sampleFolders =
        {
            Path.Combine("docs", "samples", "MailSender"),
            Path.Combine("tests", "SmtpCodes.Analyzers.Tests", "EndToEnd", "Consumers", "BulkFix"),
        };

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public async Task The_whole_analyzer_reports_what_its_rules_report_one_at_a_time(int folder)
        {
            var compilation = await CompileAsync(Directory.GetFiles(RepositoryPaths.Combine(s_sampleFolders[folder]), "*.cs").OrderBy(path => path, StringComparer.Ordinal));
            var whole = await DiagnosticsAsync(compilation, new SmtpCodesAnalyzer());
            var alone = new List<string>();
            foreach (var rule in SmtpCodesAnalyzer.AllRules())
            {
                alone.AddRange(await DiagnosticsAsync(compilation, new SmtpCodesAnalyzer(rule)));
            }

            alone.Sort(StringComparer.Ordinal);
            Assert.Equal(alone, whole);

            // The sample shows every rule but SMTP000; the BulkFix consumer has at least SMTP001, 002, 005 and 006.
            var ids = whole.Select(line => line.Substring(0, 7)).Distinct().ToArray();
            Assert.Contains("SMTP001", ids);
            Assert.Contains("SMTP002", ids);
            Assert.Contains("SMTP005", ids);
            Assert.Contains("SMTP006", ids);
            if (folder == 0)
            {
                Assert.Equal(new[] { "SMTP001", "SMTP002", "SMTP003", "SMTP004", "SMTP005", "SMTP006", "SMTP007", "SMTP008" }, ids.OrderBy(id => id, StringComparer.Ordinal));
            }
        }

        [Fact]
        public void The_whole_analyzer_supports_every_rule_id_once()
        {
            var ids = new SmtpCodesAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).ToArray();
            Assert.Equal(new[] { "SMTP001", "SMTP002", "SMTP003", "SMTP004", "SMTP005", "SMTP006", "SMTP007", "SMTP008" }, ids.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_rule_switched_off_in_a_file_is_not_called_there()
        {
            var counting = new CountingRule();
            var other = new CountingRule("TEST02");
            var compilation = await CompileAsync(
                ("/src/Off.cs", Source("Off")),
                ("/src/On.cs", Source("On")));
            var config = "root = true\n\n[/src/Off.cs]\ndotnet_diagnostic.TEST01.severity = none\n";
            await DiagnosticsAsync(compilation, new SmtpCodesAnalyzer(counting, other), config);

            Assert.Equal(new[] { "/src/On.cs" }, counting.Files.Keys.OrderBy(path => path, StringComparer.Ordinal));
            Assert.Equal(new[] { "/src/Off.cs", "/src/On.cs" }, other.Files.Keys.OrderBy(path => path, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("is_global = true\ndotnet_diagnostic.TEST01.severity = none\n", false)]
        [InlineData("root = true\n\n[*.cs]\ndotnet_diagnostic.TEST01.severity = none\n", false)]
        [InlineData("root = true\n\n[*.cs]\ndotnet_diagnostic.TEST01.severity = suggestion\n", true)]
        [InlineData("root = true\n\n[*.cs]\ndotnet_diagnostic.TEST01.severity = error\n", true)]
        // Configured by category only: the analyzer cannot tell, so the rule runs and the driver filters.
        [InlineData("root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-Test.severity = none\n", true)]
        [InlineData("", true)]
        public async Task A_rule_is_called_unless_every_configuration_of_its_ids_says_none(string config, bool called)
        {
            // A second rule that stays on keeps the analyzer running: the driver would skip an analyzer all of whose
            // IDs are off by itself, and the test would then pass without SmtpCodesAnalyzer's own switch-off.
            var counting = new CountingRule();
            var other = new CountingRule("TEST02");
            var compilation = await CompileAsync(("/src/On.cs", Source("On")));
            await DiagnosticsAsync(compilation, new SmtpCodesAnalyzer(counting, other), config.Length == 0 ? null : config);
            Assert.Equal(called, counting.Files.Count > 0);
            Assert.NotEmpty(other.Files);
        }

        [Fact]
        public async Task A_rule_switched_off_by_nowarn_is_not_called()
        {
            var counting = new CountingRule();
            var other = new CountingRule("TEST02");
            var compilation = (await CompileAsync(("/src/On.cs", Source("On"))))
                .WithOptions(RobustnessHarness.CompilationOptions(false).WithSpecificDiagnosticOptions(new[] { KeyValuePair.Create("TEST01", ReportDiagnostic.Suppress) }));
            await DiagnosticsAsync(compilation, new SmtpCodesAnalyzer(counting, other));
            Assert.Empty(counting.Files);
            Assert.NotEmpty(other.Files);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_rule_that_throws_does_not_stop_the_others_and_is_reported(bool inStart)
        {
            var throwing = new ThrowingRule(inStart);
            var counting = new CountingRule("TEST02");
            var compilation = await CompileAsync(("/src/On.cs", Source("On")));
            var exceptions = new ConcurrentBag<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpCodesAnalyzer(throwing, counting)),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.NotEmpty(counting.Files);
            Assert.Contains(exceptions, exception => exception.Message == ThrowingRule.Message);
        }

        private static string Source(string name) =>
            "using System.Net.Mail;\n" +
            $"public static class {name}\n" +
            "{\n" +
            "    public static bool IsBusy(SmtpStatusCode status) => status == (SmtpStatusCode)450;\n" +
            "}\n";

        private static Task<CSharpCompilation> CompileAsync(IEnumerable<string> paths) =>
            CompileAsync(paths.Select(path => (path, File.ReadAllText(path))).ToArray());

        private static async Task<CSharpCompilation> CompileAsync(params (string Path, string Text)[] files)
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = files.Select(file => CSharpSyntaxTree.ParseText(SourceText.From(file.Text, Encoding.UTF8), options, file.Path)).ToArray();
            return CSharpCompilation.Create(
                "Merged",
                trees,
                await RobustnessHarness.ReferencesAsync(),
                RobustnessHarness.CompilationOptions(RobustnessHarness.HasTopLevelStatements(trees)));
        }

        /// <summary>The analyzer's diagnostics as "ID path(line,column): message", sorted; an analyzer exception fails the test.</summary>
        private static async Task<List<string>> DiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer, string? editorConfig = null)
        {
            if (editorConfig is not null)
            {
                var analyzerConfig = AnalyzerConfig.Parse(SourceText.From(editorConfig), editorConfig.StartsWith("is_global", StringComparison.Ordinal) ? "/.globalconfig" : "/.editorconfig");
                var set = AnalyzerConfigSet.Create(ImmutableArray.Create(analyzerConfig));
                var treeOptions = compilation.SyntaxTrees.ToDictionary(tree => tree, tree => set.GetOptionsForSourcePath(tree.FilePath));
                compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(treeOptions, set.GlobalConfigOptions)));
            }

            var exceptions = new ConcurrentBag<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            return diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition}): {d.GetMessage()}")
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>A rule that reports nothing and records the files its callback was called in.</summary>
        private sealed class CountingRule : StatusRule
        {
            internal CountingRule(string id = "TEST01") =>
                SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(id, "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

            internal ConcurrentDictionary<string, int> Files { get; } = new ConcurrentDictionary<string, int>();

            internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

            internal override void Start(RuleStart start) =>
                start.Register(context => Files.AddOrUpdate(context.Node.SyntaxTree.FilePath, 1, (_, count) => count + 1), SyntaxKind.CastExpression);
        }

        /// <summary>A rule that throws when started, or in its callback (and before the other rules' callbacks).</summary>
        private sealed class ThrowingRule : StatusRule
        {
            internal const string Message = "a rule's own bug";
            private readonly bool _inStart;

            internal ThrowingRule(bool inStart) => _inStart = inStart;

            internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
                ImmutableArray.Create(new DiagnosticDescriptor("TEST03", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

            internal override void Start(RuleStart start)
            {
                if (_inStart)
                {
                    throw new InvalidOperationException(Message);
                }

                start.Register(_ => throw new InvalidOperationException(Message), SyntaxKind.CastExpression);
            }
        }

        /// <summary>Per-file and global severities from an AnalyzerConfigSet, as a build's compiler hands them over.</summary>
        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _trees;
            private readonly AnalyzerConfigOptionsResult _global;

            internal TreeOptions(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> trees, AnalyzerConfigOptionsResult global)
            {
                _trees = trees;
                _global = global;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _trees[tree].TreeOptions.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _global.TreeOptions.TryGetValue(diagnosticId, out severity);
        }
    }
}
