using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// A compilation with no status enum, or none its code can reach, pays for the type look-ups (and a text search)
    /// only: the analyzers register nothing.
    /// </summary>
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
        public async Task Without_any_status_enum_no_action_is_registered()
        {
            // Only System.Private.CoreLib: no System.Net.Mail, no MailKit, no SmtpServer, no Aspose.
            var compilation = CSharpCompilation.Create(
                "NoSmtp",
                new[] { CSharpSyntaxTree.ParseText(Source) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var telemetry = await RunAsync(compilation);
            Assert.All(telemetry, pair => Assert.Equal(0, pair.Value.OperationActionsCount + pair.Value.SyntaxNodeActionsCount + pair.Value.SemanticModelActionsCount));
        }

        [Fact]
        public async Task With_dotnet_but_no_code_that_names_a_status_type_no_action_is_registered()
        {
            // .NET 10 always references System.Net.Mail (and netstandard.dll forwards to it), but nothing here can reach
            // SmtpStatusCode: the project pays for the look-ups and one text search.
            var compilation = await Net10CompilationAsync(Source);

            var telemetry = await RunAsync(compilation);
            Assert.All(telemetry, pair => Assert.Equal(0, pair.Value.OperationActionsCount + pair.Value.SyntaxNodeActionsCount + pair.Value.SemanticModelActionsCount));
        }

        [Theory]
        [InlineData("int Of(System.Net.Mail.SmtpException ex) => (int)ex.StatusCode;")]
        [InlineData("object Of() => default(SmtpStatusCode);")]
        [InlineData("// SmtpStatusCode is reached through an alias declared in another file")]
        public async Task Code_that_names_a_status_type_makes_the_analyzers_register(string member)
        {
            var compilation = await Net10CompilationAsync(
                Source,
                "using System.Net.Mail;\nclass Other\n{\n    " + member + "\n}\n");

            var telemetry = await RunAsync(compilation);
            Assert.Contains(telemetry, pair => pair.Value.SyntaxNodeActionsCount > 0);
        }

        [Fact]
        public async Task A_library_built_on_system_net_mail_is_use_even_when_no_source_names_a_status_type()
        {
            // The library hands out a status under a name of its own: "Smtp" appears nowhere in the project's source.
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var library = CSharpCompilation.Create(
                "Relay",
                new[] { CSharpSyntaxTree.ParseText("public static class Relay { public static System.Net.Mail.SmtpStatusCode LastStatus => default; }") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);

            var compilation = CSharpCompilation.Create(
                "UsesRelay",
                new[] { CSharpSyntaxTree.ParseText("class Sender { bool Gone() => (int)Relay.LastStatus == 550; }") },
                references.Add(MetadataReference.CreateFromImage(image.ToArray())),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var diagnostics = await compilation
                .WithAnalyzers(PackageContents.Analyzers.ToImmutableArray())
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("SMTP001", diagnostic.Id);
        }

        [Fact]
        public async Task A_netstandard_library_built_on_system_net_mail_is_use_through_the_facade()
        {
            // Built for netstandard2.0, the library refers to netstandard.dll, which on .NET 10 forwards to System.Net.Mail.
            var netstandard = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var library = CSharpCompilation.Create(
                "Relay",
                new[]
                {
                    CSharpSyntaxTree.ParseText("""
                        public class DeliveryFailedException : System.Net.Mail.SmtpException { }
                        public static class Mailer { public static System.Net.Mail.SmtpStatusCode Last => default; }
                        """),
                },
                netstandard,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var ids = await AnalyzeWithLibraryAsync(
                library,
                """
                class Sender
                {
                    bool Gone() => (int)Mailer.Last == 550;
                    bool Busy(DeliveryFailedException ex) => ex.Message.Contains("450");
                }
                """,
                options: null);
            Assert.Equal(new[] { "SMTP001", "SMTP006" }, ids);
        }

        [Fact]
        public async Task The_assembly_of_a_configured_enum_is_use_even_when_no_source_names_the_enum()
        {
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var library = CSharpCompilation.Create(
                "Contoso.Mail",
                new[]
                {
                    CSharpSyntaxTree.ParseText("""
                        namespace Contoso.Mail
                        {
                            public enum ReplyCode { Ok = 250, Unavailable = 550 }
                            public static class MailClient { public static ReplyCode Send() => ReplyCode.Ok; }
                        }
                        """),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var configured = ImmutableDictionary<string, string>.Empty.Add("smtp_codes.status_enum_types", "Contoso.Mail.ReplyCode");
            var ids = await AnalyzeWithLibraryAsync(
                library,
                "class Sender { bool Gone() => (int)Contoso.Mail.MailClient.Send() == 550; }",
                new Robustness.DictionaryOptionsProvider(configured, configured));
            Assert.Equal(new[] { "SMTP001" }, ids);
        }

        [Fact]
        public async Task The_framework_hands_out_a_status_only_through_types_whose_names_the_gate_searches_for()
        {
            // The gate does not count System.Net.Mail (every project references it) because source must name an Smtp*
            // type to reach a status there. Checked here on the .NET 10 reference assembly: every public member whose
            // type holds SmtpStatusCode or an SmtpException belongs to a type whose name starts with "Smtp".
            var compilation = await Net10CompilationAsync("class Empty { }");
            var statusEnum = compilation.GetTypeByMetadataName(SmtpCodes.Analyzers.Knowledge.StatusTypeUsage.FrameworkStatusEnum)!;
            var exception = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpException")!;
            var offenders = new System.Collections.Generic.List<string>();
            var members = 0;
            foreach (var type in AllTypes(statusEnum.ContainingAssembly.GlobalNamespace))
            {
                if (type.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    var memberType = member switch
                    {
                        IPropertySymbol property => property.Type,
                        IFieldSymbol field => field.Type,
                        IMethodSymbol method => method.ReturnType,
                        IEventSymbol @event => @event.Type,
                        _ => null,
                    };
                    if (member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected && memberType is not null && Holds(memberType, statusEnum, exception))
                    {
                        members++;
                        if (!type.Name.StartsWith(SmtpCodes.Analyzers.Knowledge.StatusTypeUsage.WellKnownPrefix, System.StringComparison.Ordinal))
                        {
                            offenders.Add(type.ToDisplayString() + "." + member.Name);
                        }
                    }
                }
            }

            Assert.True(members > 0, "no member hands out a status: the check looks at the wrong assembly");
            Assert.Empty(offenders);
        }

        private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }

                if (member is INamespaceOrTypeSymbol nested)
                {
                    foreach (var inner in AllTypes(nested))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static bool Holds(ITypeSymbol type, INamedTypeSymbol statusEnum, INamedTypeSymbol exception)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Holds(array.ElementType, statusEnum, exception);
                case INamedTypeSymbol named:
                    for (var current = named; current is not null; current = current.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, statusEnum) || SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, exception))
                        {
                            return true;
                        }
                    }

                    return named.TypeArguments.Any(argument => Holds(argument, statusEnum, exception));
                default:
                    return false;
            }
        }

        private static async Task<string[]> AnalyzeWithLibraryAsync(CSharpCompilation library, string source, AnalyzerConfigOptionsProvider? options)
        {
            using var image = new System.IO.MemoryStream();
            var emitted = library.Emit(image);
            Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));

            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                "App",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references.Add(MetadataReference.CreateFromImage(image.ToArray())),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var analyzerOptions = options is null
                ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
                : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options);
            var diagnostics = await compilation
                .WithAnalyzers(PackageContents.Analyzers.ToImmutableArray(), analyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        }

        private static async Task<Compilation> Net10CompilationAsync(params string[] sources)
        {
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return CSharpCompilation.Create(
                "Net10",
                sources.Select(source => CSharpSyntaxTree.ParseText(source)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
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
