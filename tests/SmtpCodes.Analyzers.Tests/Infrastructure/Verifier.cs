using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// One test harness for every rule: .NET 10 references plus MailKit, SmtpServer and Polly, a chosen C# version,
    /// optional .editorconfig lines and extra source files (the Aspose enum, a user's enum).
    /// </summary>
    public static class Verifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        public static Test Create(string source, string? fixedSource = null, LanguageVersion languageVersion = LanguageVersion.Latest, StatusEnumKind? kind = null)
        {
            var test = new Test { LanguageVersion = languageVersion, TestCode = source };
            if (fixedSource is not null)
            {
                test.FixedCode = fixedSource;
            }

            if (kind?.Declaration is { } declaration)
            {
                test.AddSource("StatusEnum.cs", declaration);
            }

            return test;
        }

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, LanguageVersion.Latest, null, expected);

        public static Task VerifyAnalyzerAsync(string source, LanguageVersion languageVersion, StatusEnumKind? kind, params DiagnosticResult[] expected)
        {
            var test = Create(source, null, languageVersion, kind);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static Task VerifyCodeFixAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest, StatusEnumKind? kind = null) =>
            Create(source, fixedSource, languageVersion, kind).RunAsync(CancellationToken.None);

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net10;
                TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
            }

            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

            /// <summary>Adds a source file to the code under test, and to the fixed state when one is set (set it first).</summary>
            public void AddSource(string fileName, string source)
            {
                TestState.Sources.Add((fileName, source));
                if (FixedState.Sources.Count > 0)
                {
                    FixedState.Sources.Add((fileName, source));
                }
            }

            /// <summary>Adds lines under <c>[*.cs]</c> of a root .editorconfig.</summary>
            public void AddEditorConfig(params string[] lines)
            {
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n"));
            }

            protected override ParseOptions CreateParseOptions() =>
                ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
        }
    }
}
