using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Knowledge;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// What compilation start keeps from one compilation to the next, as an editor makes a new one per edit: the catalog
    /// and what the references say, per reference set; the text search and the enums a file declares, per tree. Each
    /// test edits as the editor does (<see cref="SyntaxTree.WithChangedText"/>, <see cref="Compilation.ReplaceSyntaxTree"/>)
    /// and checks that the answer follows the change. Nothing here is timed (the benchmark's --compilation-start is).
    /// </summary>
    public class CompilationStartCacheTests
    {
        private const string Billing = """
            class Billing
            {
                bool IsServerError(int httpStatus) => httpStatus == 550;
            }
            """;

        private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

        [Fact]
        public async Task An_edit_that_adds_or_removes_Smtp_opens_and_closes_the_gate()
        {
            var shut = await Net10CompilationAsync(Billing, "class Other { }");
            Assert.Null(InUse(shut));

            var other = shut.SyntaxTrees.Last();
            var opened = Edit(shut, other, "class Other { int Of(System.Net.Mail.SmtpStatusCode status) => (int)status; }");
            Assert.NotNull(InUse(opened));

            var closedAgain = Edit(opened, opened.SyntaxTrees.Last(), "class Other { }");
            Assert.Null(InUse(closedAgain));

            // The unedited tree is the same object in all three: its answer was kept, and the edited one's asked anew.
            Assert.Same(shut.SyntaxTrees.First(), closedAgain.SyntaxTrees.First());
        }

        [Fact]
        public async Task An_edit_keeps_the_catalog_built_for_the_same_references()
        {
            var first = await Net10CompilationAsync(Billing, "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            var catalog = InUse(first);
            Assert.NotNull(catalog);

            var edited = Edit(first, first.SyntaxTrees.First(), Billing.Replace("550", "551"));
            Assert.Same(catalog, InUse(edited));
        }

        [Fact]
        public async Task Two_projects_whose_references_start_alike_keep_their_own_catalogs()
        {
            // Roslyn shares a referenced assembly's symbol between compilations: two projects of one solution (or two tests
            // of one run) meet under the same first reference, and an edit in either must not rebuild the other's catalog.
            var first = await Net10CompilationAsync(Billing, "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            var relay = await LibraryAsync("public static class Relay { public static System.Net.Mail.SmtpStatusCode LastStatus => default; }");
            var second = first.AddReferences(relay);
            Assert.Same(first.SourceModule.ReferencedAssemblySymbols[0], second.SourceModule.ReferencedAssemblySymbols[0]);

            var firstCatalog = InUse(first);
            var secondCatalog = InUse(second);
            Assert.NotSame(firstCatalog, secondCatalog);

            Assert.Same(firstCatalog, InUse(Edit(first, first.SyntaxTrees.First(), Billing.Replace("550", "551"))));
            Assert.Same(secondCatalog, InUse(Edit(second, second.SyntaxTrees.First(), Billing.Replace("550", "552"))));
        }

        [Fact]
        public async Task Changed_references_are_asked_again()
        {
            var shut = await Net10CompilationAsync(Billing);
            Assert.Null(InUse(shut));

            // A library built on System.Net.Mail opens the gate though no file names a status type...
            var relay = await LibraryAsync("public static class Relay { public static System.Net.Mail.SmtpStatusCode LastStatus => default; }");
            var withRelay = shut.AddReferences(relay);
            Assert.NotNull(InUse(withRelay));

            // ...and a library declaring another status enum adds it to the catalog.
            var aspose = await LibraryAsync("namespace Aspose.Email.Clients.Smtp { public enum SmtpStatusCode { Ok = 250, MailboxUnavailable = 550 } }");
            var withBoth = withRelay.AddReferences(aspose);
            Assert.Contains(InUse(withBoth)!.Enums, e => e.MetadataName == "Aspose.Email.Clients.Smtp.SmtpStatusCode");
            Assert.DoesNotContain(InUse(withRelay)!.Enums, e => e.MetadataName == "Aspose.Email.Clients.Smtp.SmtpStatusCode");

            // Without them the gate is shut again.
            Assert.Null(InUse(withBoth.RemoveReferences(relay, aspose)));
        }

        [Fact]
        public async Task A_file_that_declares_a_status_enum_is_seen_from_the_edit_on()
        {
            var first = await Net10CompilationAsync(Billing, "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            Assert.Equal(new[] { "System.Net.Mail.SmtpStatusCode" }, Names(InUse(first)));

            var declared = Edit(first, first.SyntaxTrees.First(), Billing + """

                namespace Aspose.Email.Clients.Smtp
                {
                    public enum SmtpStatusCode { Ok = 250, MailboxUnavailable = 550 }
                }
                """);
            var catalog = InUse(declared)!;
            Assert.Equal(new[] { "Aspose.Email.Clients.Smtp.SmtpStatusCode", "System.Net.Mail.SmtpStatusCode" }, Names(catalog));
            Assert.Contains(catalog.Enums, e => e.Type.Locations.Any(location => location.IsInSource));

            var removed = Edit(declared, declared.SyntaxTrees.First(), Billing);
            Assert.Equal(new[] { "System.Net.Mail.SmtpStatusCode" }, Names(InUse(removed)));
        }

        [Fact]
        public async Task The_configured_enums_are_part_of_what_is_kept()
        {
            var library = await LibraryAsync("namespace Contoso.Mail { public enum ReplyCode { Ok = 250, Unavailable = 550 } }");
            var compilation = (await Net10CompilationAsync(Billing, "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }")).AddReferences(library);
            var configured = ImmutableDictionary<string, string>.Empty.Add(SmtpCodesOptions.StatusEnumTypesKey, "Contoso.Mail.ReplyCode");
            var withOption = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Robustness.DictionaryOptionsProvider(configured, configured));

            Assert.Equal(new[] { "System.Net.Mail.SmtpStatusCode" }, Names(StatusEnumCatalog.Create(compilation, NoOptions)));
            Assert.Equal(new[] { "Contoso.Mail.ReplyCode", "System.Net.Mail.SmtpStatusCode" }, Names(StatusEnumCatalog.Create(compilation, withOption)));
            Assert.Equal(new[] { "System.Net.Mail.SmtpStatusCode" }, Names(StatusEnumCatalog.Create(Edit(compilation, compilation.SyntaxTrees.First(), Billing + "\n"), NoOptions)));
        }

        [Fact]
        public async Task The_rules_types_are_found_once_per_reference_set_and_a_source_declaration_is_seen_from_the_edit_on()
        {
            var first = await Net10CompilationAsync(Billing, "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            var catalog = InUse(first)!;
            var framework = catalog.FindType(first, "System.Net.Mail.SmtpClient");
            Assert.NotNull(framework);
            Assert.Null(catalog.FindType(first, "Polly.Policy"));

            // An edit keeps the catalog, and with it the answers about the references.
            var edited = Edit(first, first.SyntaxTrees.First(), Billing.Replace("550", "551"));
            Assert.Same(catalog, InUse(edited));
            Assert.Same(framework, catalog.FindType(edited, "System.Net.Mail.SmtpClient"));

            // A file that declares one of the names: the source's type, for that compilation only.
            var declaring = Edit(edited, edited.SyntaxTrees.Last(), "namespace Polly { public class Policy { } } class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            Assert.Same(catalog, InUse(declaring));
            var declared = catalog.FindType(declaring, "Polly.Policy");
            Assert.NotNull(declared);
            Assert.Same(declaring.Assembly, declared!.ContainingAssembly);

            var removed = Edit(declaring, declaring.SyntaxTrees.Last(), "class Other { object O() => default(System.Net.Mail.SmtpStatusCode); }");
            Assert.Null(catalog.FindType(removed, "Polly.Policy"));
        }

        private static StatusEnumCatalog? InUse(Compilation compilation) =>
            CompilationKnowledge.StatusEnumsInUse(compilation, NoOptions, CancellationToken.None);

        private static string[] Names(StatusEnumCatalog? catalog) =>
            catalog is null ? new string[0] : catalog.Enums.Select(e => e.MetadataName).OrderBy(name => name, System.StringComparer.Ordinal).ToArray();

        /// <summary>What an editor does on a keystroke: the file's new text, the other trees kept.</summary>
        private static Compilation Edit(Compilation compilation, SyntaxTree tree, string newText)
        {
            var text = tree.GetText();
            var changed = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(0, text.Length), newText)));
            return compilation.ReplaceSyntaxTree(tree, changed);
        }

        private static async Task<MetadataReference> LibraryAsync(string source)
        {
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var library = CSharpCompilation.Create(
                "Library" + System.Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            var emitted = library.Emit(image);
            Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        private static async Task<Compilation> Net10CompilationAsync(params string[] sources)
        {
            var references = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return CSharpCompilation.Create(
                "Editor",
                sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: "File" + i + ".cs")),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }
    }
}
