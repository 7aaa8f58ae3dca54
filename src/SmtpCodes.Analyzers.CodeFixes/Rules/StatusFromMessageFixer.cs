using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP006: <c>ex.Message.Contains("550")</c> becomes <c>ex.StatusCode == SmtpStatusCode.MailboxUnavailable</c>
    /// (<c>ex.Response.ReplyCode == SmtpReplyCode.MailboxUnavailable</c> for SmtpServer).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatusFromMessageFixer)), Shared]
    public sealed class StatusFromMessageFixer : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix; public and stable (Fix All groups by it).</summary>
        public const string EquivalenceKey = "SMTP006_CompareStatus";

        private static readonly char[] s_pathSeparator = { '.' };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StatusReadFromMessage);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count != 2
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.MemberName, out var member)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.EnumType, out var enumType)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.StatusPath, out var path)
                    || member is null || enumType is null || path is null)
                {
                    continue;
                }

                var typeName = enumType.Substring(enumType.LastIndexOf('.') + 1);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Compare the exception's status with '{typeName}.{member}'",
                        cancellationToken => FixAsync(context.Document, diagnostic, enumType, member, path, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string enumTypeName, string member, string path, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || model.Compilation.GetTypeByMetadataName(enumTypeName) is not { } enumType
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax exception
                || root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax replaced)
            {
                return document;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            var status = exception.WithoutTrivia();
            foreach (var step in path.Split(s_pathSeparator))
            {
                status = (ExpressionSyntax)generator.MemberAccessExpression(status, step);
            }

            // Parsed, not generated: the simplified result is then the member access a user would type (and the parser reads).
            var value = SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var comparison = SyntaxFactory.ParenthesizedExpression((ExpressionSyntax)generator.ValueEqualsExpression(status, value))
                .WithTriviaFrom(replaced)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            var fixedDocument = document.WithSyntaxRoot(root.ReplaceNode(replaced, comparison));

            // A file that names the exception by its full name gets a using for the enum, unless that using makes a name
            // ambiguous (MailKit's SmtpClient beside System.Net.Mail's): then the enum stays qualified.
            var withImport = await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (withImport == fixedDocument
                || await CountErrorsAsync(withImport, cancellationToken).ConfigureAwait(false) <= await CountErrorsAsync(fixedDocument, cancellationToken).ConfigureAwait(false))
            {
                return withImport;
            }

            return fixedDocument;
        }

        private static async Task<int> CountErrorsAsync(Document document, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var count = 0;
            if (model is not null)
            {
                foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        count++;
                    }
                }
            }

            return count;
        }
    }
}
