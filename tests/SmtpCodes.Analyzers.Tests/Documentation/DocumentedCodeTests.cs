using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using SmtpCodes.Analyzers.Tests.Robustness;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.Documentation
{
    /// <summary>
    /// Every code block of README.md and docs/**.md works as pasted: the C# ones compile, the <c>.editorconfig</c> ones
    /// give no SMTP000 (the convention and the <c>&lt;!-- partial: reason --&gt;</c> marker: <see cref="DocumentedCodeBlocks"/>).
    /// <para>
    /// A C# block is compiled in memory, as one file of a fresh <c>dotnet new console</c> project targeting net8.0 would
    /// be: the net8.0 reference assemblies, the SDK's implicit global usings, nullable enabled, C# 12, and the packages a
    /// mail program references (MailKit 4.18.2, SmtpServer 11.1.0, Polly 8.9.1, resolved from NuGet with their
    /// dependencies), plus Aspose.Email's status enum in source (a paid package). That is exactly what the compiler sees
    /// in a real build of such a project, so the verdict (errors or none) is the same, in a fraction of a second per block
    /// instead of a restore and build each. Warnings do not count (a "before" example is there to be reported); an
    /// analyzer exception does.
    /// </para>
    /// </summary>
    public class DocumentedCodeTests
    {
        private static readonly IReadOnlyList<DocumentedCodeBlock> s_blocks = DocumentedCodeBlocks.Read(RepositoryPaths.Root);

        /// <summary>The global usings Microsoft.NET.Sdk writes for a project with ImplicitUsings enabled (dotnet new's default).</summary>
        private const string ImplicitUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;

        private static readonly ReferenceAssemblies s_freshProject = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
            new PackageIdentity("MailKit", "4.18.2"),
            new PackageIdentity("SmtpServer", "11.1.0"),
            new PackageIdentity("Polly", "8.9.1")));

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> s_references =
            new(() => s_freshProject.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

        private readonly ITestOutputHelper _output;

        public DocumentedCodeTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> CSharpBlocks => Ids(CodeBlockLanguage.CSharp);

        public static TheoryData<string> IniBlocks => Ids(CodeBlockLanguage.Ini);

        [Theory]
        [MemberData(nameof(CSharpBlocks))]
        public async Task The_csharp_block_compiles_in_a_fresh_project(string id)
        {
            var block = s_blocks.Single(b => b.Id == id);
            var (errors, exceptions) = await CompileAsync(block.Text);
            if (block.PartialReason is not null)
            {
                _output.WriteLine($"{id}: skipped, marked partial: {block.PartialReason}");
                Assert.True(errors.Count > 0, $"{id} is marked <!-- partial: {block.PartialReason} --> but compiles as it stands: remove the marker.");
                return;
            }

            Assert.True(errors.Count == 0, $"{id} does not compile as pasted into a fresh project (complete it, or mark it <!-- partial: reason --> on the line before the fence):\n"
                + string.Join("\n", errors) + "\n\n" + block.Text);
            Assert.True(exceptions.Count == 0, $"{id}: an analyzer threw:\n" + string.Join("\n", exceptions));
            _output.WriteLine($"{id}: compiles");
        }

        [Theory]
        [MemberData(nameof(IniBlocks))]
        public async Task The_editorconfig_block_pasted_as_is_gives_no_SMTP000(string id)
        {
            var block = s_blocks.Single(b => b.Id == id);
            var problems = await CheckConfigurationAsync(block);
            if (block.PartialReason is not null)
            {
                _output.WriteLine($"{id}: skipped, marked partial: {block.PartialReason}");
                Assert.True(problems.Count > 0, $"{id} is marked <!-- partial: {block.PartialReason} --> but works as it stands: remove the marker.");
                return;
            }

            Assert.True(problems.Count == 0, $"{id}, pasted as it stands into .editorconfig (or .globalconfig), does not work (fix it, or mark it <!-- partial: reason --> on the line before the fence):\n"
                + string.Join("\n", problems) + "\n\n" + block.Text);
            _output.WriteLine($"{id}: no SMTP000");
        }

        [Fact]
        public void Blocks_of_both_kinds_are_found_and_the_suppression_snippets_are_complete()
        {
            var csharp = s_blocks.Where(b => b.Language == CodeBlockLanguage.CSharp).ToList();
            var ini = s_blocks.Where(b => b.Language == CodeBlockLanguage.Ini).ToList();
            _output.WriteLine($"C#: {csharp.Count} blocks, {csharp.Count(b => b.PartialReason is null)} compiled; ini: {ini.Count} blocks, {ini.Count(b => b.PartialReason is null)} checked");
            Assert.Contains(ini, b => b.File == "README.md" && b.PartialReason is null);
            Assert.Contains(csharp, b => b.File == "docs/configuration.md" && b.PartialReason is null && b.Text.Contains("SuppressMessage", StringComparison.Ordinal));
        }

        [Fact]
        public void The_marker_is_read_only_right_before_the_fence()
        {
            var blocks = DocumentedCodeBlocks.Parse("doc.md", new[]
            {
                "<!-- partial: a method body without its method -->",
                "",
                "```csharp",
                "return 1;",
                "```",
                "<!-- partial: not before this one -->",
                "Some text.",
                "  ```cs",
                "    class A { }",
                "  ```",
                "```sh",
                "dotnet build",
                "```",
                "```ini",
                "[*.cs]",
                "is_global = true",
                "```",
            }).ToArray();

            Assert.Equal(3, blocks.Length);
            Assert.Equal(("doc.md:3", "a method body without its method"), (blocks[0].Id, blocks[0].PartialReason));
            Assert.Equal(("doc.md:8", (string?)null, "class A { }\n"), (blocks[1].Id, blocks[1].PartialReason, blocks[1].Text));
            Assert.Equal((CodeBlockLanguage.Ini, true), (blocks[2].Language, blocks[2].IsGlobalConfig));
        }

        [Fact]
        public async Task The_checks_fail_what_a_newcomer_could_not_paste()
        {
            // Without its using, the attribute of a suppression snippet is CS0246, as finding 5 of issue 20 saw.
            var (errors, _) = await CompileAsync("static class A\n{\n    [SuppressMessage(\"Maintainability\", \"SMTP001\")]\n    public static void M() { }\n}\n");
            Assert.Contains(errors, error => error.Contains("CS0246", StringComparison.Ordinal));
            Assert.Empty((await CompileAsync("using System.Diagnostics.CodeAnalysis;\nusing Polly;\nusing MailKit.Net.Smtp;\n\nstatic class A\n{\n    [SuppressMessage(\"Maintainability\", \"SMTP001\")]\n    public static void M() => Policy.Handle<SmtpCommandException>().Retry(3);\n}\n")).Errors);

            // A placeholder enum, a typo'd key, a key outside any section.
            Assert.NotEmpty(await CheckConfigurationAsync(Ini("[*.cs]\nsmtp_codes.status_enum_types = Contoso.Mail.ReplyCode\n")));
            Assert.NotEmpty(await CheckConfigurationAsync(Ini("[*.cs]\nsmtp_codes.default_count_as_handled = true\n")));
            Assert.NotEmpty(await CheckConfigurationAsync(Ini("smtp_codes.default_counts_as_handled = true\n")));
            Assert.Empty(await CheckConfigurationAsync(Ini("[*.cs]\nsmtp_codes.default_counts_as_handled = true # a comment\n")));
            Assert.Empty(await CheckConfigurationAsync(Ini("is_global = true\nsmtp_codes.additional_reply_codes = 511\n")));
        }

        private static DocumentedCodeBlock Ini(string text) => new("test.md", 1, CodeBlockLanguage.Ini, text, null);

        private static TheoryData<string> Ids(CodeBlockLanguage language)
        {
            var data = new TheoryData<string>();
            foreach (var block in s_blocks.Where(b => b.Language == language))
            {
                data.Add(block.Id);
            }

            return data;
        }

        private static async Task<CSharpCompilation> CreateCompilationAsync(string source)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var block = CSharpSyntaxTree.ParseText(source, parseOptions, "/project/Snippet.cs");
            var trees = new[]
            {
                block,
                CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "/project/obj/MyApp.GlobalUsings.g.cs"),
                CSharpSyntaxTree.ParseText(StatusEnumSources.Aspose, parseOptions, "/project/Aspose.cs"),
            };
            var hasTopLevelStatements = ((CompilationUnitSyntax)block.GetRoot()).Members.Any(member => member is GlobalStatementSyntax);
            return CSharpCompilation.Create(
                "MyApp",
                trees,
                await s_references.Value.ConfigureAwait(false),
                new CSharpCompilationOptions(
                    hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable));
        }

        private static async Task<(List<string> Errors, List<string> Exceptions)> CompileAsync(string source)
        {
            var compilation = await CreateCompilationAsync(source);
            var errors = compilation.GetDiagnostics()
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => diagnostic.ToString())
                .ToList();
            var exceptions = new List<string>();
            if (errors.Count == 0)
            {
                var run = await RobustnessHarness.AnalyzeAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
                exceptions.AddRange(run.Exceptions);
            }

            return (errors, exceptions);
        }

        /// <summary>
        /// The block as the compiler reads it from /project/.editorconfig (or /project/.globalconfig), for
        /// /project/Program.cs: keys before the first section (ignored by .editorconfig), SMTP000 and analyzer exceptions.
        /// </summary>
        private static async Task<List<string>> CheckConfigurationAsync(DocumentedCodeBlock block)
        {
            var problems = new List<string>();
            if (!block.IsGlobalConfig)
            {
                foreach (var line in block.Text.Split('\n').Select(line => line.Trim()))
                {
                    if (line.StartsWith("[", StringComparison.Ordinal))
                    {
                        break;
                    }

                    if (Regex.IsMatch(line, @"^[^#;].*=") && !Regex.IsMatch(line, @"^root\s*=", RegexOptions.IgnoreCase))
                    {
                        problems.Add($"'{line}' comes before any [section] of the .editorconfig: it applies to no file");
                    }
                }
            }

            var path = block.IsGlobalConfig ? "/project/.globalconfig" : "/project/.editorconfig";
            var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(block.Text, path) }, out var parseDiagnostics);
            problems.AddRange(parseDiagnostics.Select(diagnostic => diagnostic.ToString()));
            var perFile = set.GetOptionsForSourcePath("/project/Program.cs");
            problems.AddRange(perFile.Diagnostics.Select(diagnostic => diagnostic.ToString()));

            var compilation = await CreateCompilationAsync("class Program { }\n");
            var options = new AnalyzerOptions(
                ImmutableArray<AdditionalText>.Empty,
                new DictionaryOptionsProvider(set.GlobalConfigOptions.AnalyzerOptions, perFile.AnalyzerOptions));
            var run = await RobustnessHarness.AnalyzeAsync(compilation, options);
            problems.AddRange(run.Exceptions);
            problems.AddRange(run.OfId("SMTP000").Select(diagnostic => diagnostic.GetMessage()));
            return problems;
        }
    }
}
