using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>A compilation with no status enum pays for the type look-ups only: the analyzers register nothing.</summary>
    public class CompilationStartTests
    {
        private const string Source = """
            class Billing
            {
                bool IsServerError(int httpStatus) => httpStatus == 550 || httpStatus is 421 or 500;
                int Cast(long value) => (int)value;
                string Describe(int code) => code switch { 550 => "a", _ => "b" };
            }
            """;

        [Fact]
        public async Task Without_any_status_enum_no_operation_action_is_registered()
        {
            // Only System.Private.CoreLib: no System.Net.Mail, no MailKit, no SmtpServer, no Aspose.
            var compilation = CSharpCompilation.Create(
                "NoSmtp",
                new[] { CSharpSyntaxTree.ParseText(Source) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var telemetry = await RunAsync(compilation);
            Assert.All(telemetry, pair => Assert.Equal(0, pair.Value.OperationActionsCount));
            Assert.All(telemetry, pair => Assert.Equal(0, pair.Value.SyntaxNodeActionsCount));
        }

        [Fact]
        public async Task With_a_status_enum_the_analyzers_do_register()
        {
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                "WithSmtp",
                new[] { CSharpSyntaxTree.ParseText(Source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var telemetry = await RunAsync(compilation);
            Assert.Contains(telemetry, pair => pair.Value.OperationActionsCount > 0);
        }

        private static async Task<ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>> RunAsync(Compilation compilation)
        {
            var analyzers = PackageContents.Analyzers.ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(diagnostics);
            var telemetry = ImmutableDictionary.CreateBuilder<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
            foreach (var analyzer in analyzers)
            {
                telemetry.Add(analyzer, await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None));
            }

            return telemetry.ToImmutable();
        }
    }
}
