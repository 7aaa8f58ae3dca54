using System;
using System.Collections.Generic;
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
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP001: writes the enum member for a magic SMTP code. The comparison's cast is unwrapped
    /// (<c>(int)ex.StatusCode == 550</c> becomes <c>ex.StatusCode == SmtpStatusCode.MailboxUnavailable</c>), a switch on a
    /// cast is rewritten whole, and where a value has several names there is one fix per name.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MagicSmtpCodeFixer)), Shared]
    public sealed class MagicSmtpCodeFixer : CodeFixProvider
    {
        private static readonly char[] s_nameSeparator = { ',' };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MagicStatusCode);

        // Fixes in one switch overlap (each rewrites the whole switch), so Fix All applies a document's fixes in one pass.
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var names = MemberNames(diagnostic);
                var enumName = EnumDisplayName(diagnostic);
                for (var i = 0; i < names.Length; i++)
                {
                    var alias = i == 0 ? null : names[i];
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use '{enumName}.{names[i]}'",
                            async cancellationToken => await FixAsync(context.Document, ImmutableArray.Create(diagnostic), alias, cancellationToken).ConfigureAwait(false),
                            alias is null ? FixKinds.MagicCodeToMember : FixKinds.MagicCodeToAlias(alias)),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var key = context.CodeActionEquivalenceKey;
            string? alias = null;
            if (key is not null && key.StartsWith(FixKinds.MagicCodeToMember + ".", StringComparison.Ordinal))
            {
                alias = key.Substring(FixKinds.MagicCodeToMember.Length + 1);

                // Fix All applies the action the user chose where it was offered: an alias's fix exists only for the
                // values that have that name; the others keep their numbers, as fixing one at a time leaves them.
                var offered = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
                foreach (var diagnostic in diagnostics)
                {
                    if (Array.IndexOf(MemberNames(diagnostic), alias) > 0)
                    {
                        offered.Add(diagnostic);
                    }
                }

                diagnostics = offered.ToImmutable();
            }

            return FixAllInDocumentAsync(document, diagnostics, alias, context.CancellationToken);
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? alias, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var fixer = new DocumentFix(editor, alias, cancellationToken);
            foreach (var diagnostic in diagnostics)
            {
                fixer.Apply(diagnostic);
            }

            return editor.GetChangedDocument();
        }

        private static async Task<Document?> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? alias, CancellationToken cancellationToken) =>
            await FixAsync(document, diagnostics, alias, cancellationToken).ConfigureAwait(false);

        private static string[] MemberNames(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(MagicSmtpCodeProperties.MemberNames, out var names) && !string.IsNullOrEmpty(names)
                ? names!.Split(s_nameSeparator)
                : Array.Empty<string>();

        private static string EnumDisplayName(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(MagicSmtpCodeProperties.EnumType, out var metadataName);
            metadataName ??= string.Empty;
            var start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
            return metadataName.Substring(start);
        }

        /// <summary>The edits of one document: every diagnostic, each switch or pattern rewritten once.</summary>
        private sealed class DocumentFix
        {
            private readonly DocumentEditor _editor;
            private readonly string? _alias;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<SyntaxNode> _rewritten = new HashSet<SyntaxNode>();
            private readonly Dictionary<string, StatusEnum?> _enums = new Dictionary<string, StatusEnum?>(StringComparer.Ordinal);

            internal DocumentFix(DocumentEditor editor, string? alias, CancellationToken cancellationToken)
            {
                _editor = editor;
                _alias = alias;
                _cancellationToken = cancellationToken;
            }

            private SemanticModel Model => _editor.SemanticModel;

            internal void Apply(Diagnostic diagnostic)
            {
                var root = _editor.OriginalRoot;
                if (!diagnostic.Properties.TryGetValue(MagicSmtpCodeProperties.FixKind, out var kind)
                    || !diagnostic.Properties.TryGetValue(MagicSmtpCodeProperties.EnumType, out var enumName)
                    || enumName is null
                    || GetEnum(enumName) is not { } statusEnum
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal
                    || _rewritten.Contains(literal))
                {
                    return;
                }

                var additional = diagnostic.AdditionalLocations;
                var cast = additional.Count > 0 ? root.FindNode(additional[0].SourceSpan, getInnermostNodeForTie: true) as CastExpressionSyntax : null;
                switch (kind)
                {
                    case MagicSmtpCodeProperties.CastFix when cast is not null:
                        // (SmtpStatusCode)550 becomes the member; (SmtpStatusCode?)550 keeps its cast to the nullable type.
                        if (cast.Type is NullableTypeSyntax)
                        {
                            ReplaceNumber(literal, statusEnum, literal);
                        }
                        else if (_rewritten.Add(cast))
                        {
                            ReplaceNumber(literal, statusEnum, cast);
                        }

                        break;
                    case MagicSmtpCodeProperties.UnwrapFix when cast is not null:
                        ReplaceNumber(literal, statusEnum, literal);
                        Unwrap(cast);
                        break;
                    case MagicSmtpCodeProperties.UnwrapAllFix when cast is not null && additional.Count > 1:
                        RewriteTests(root.FindNode(additional[1].SourceSpan, getInnermostNodeForTie: true), cast, statusEnum);
                        break;
                    case MagicSmtpCodeProperties.ReplaceFix:
                        if (diagnostic.Properties.TryGetValue(MagicSmtpCodeProperties.IntegralType, out var integral)
                            && Enum.TryParse<SpecialType>(integral, out var integralType)
                            && IntegralConstants.IsIntegral(integralType)
                            && Member(literal, statusEnum) is { } member
                            && _rewritten.Add(literal))
                        {
                            // (int)SmtpStatusCode.Member, built directly: the generator's cast parenthesizes its operand
                            // for the simplifier to undo, and the simplifier is what makes large Fix Alls slow (Annotate).
                            _editor.ReplaceNode(
                                literal,
                                Annotate(
                                    SyntaxFactory.CastExpression((TypeSyntax)_editor.Generator.TypeExpression(integralType), (ExpressionSyntax)member).WithTriviaFrom(literal),
                                    literal,
                                    statusEnum));
                        }

                        break;
                }
            }

            /// <summary>
            /// A switch, switch expression or <c>is</c> pattern on <c>(int)status</c>: the cast goes, every number it
            /// is tested against becomes a member, and what has no member becomes a cast to the enum.
            /// </summary>
            private void RewriteTests(SyntaxNode container, CastExpressionSyntax cast, StatusEnum statusEnum)
            {
                if (!_rewritten.Add(container) || Model.GetOperation(container, _cancellationToken) is not { } operation)
                {
                    return;
                }

                var constants = new List<IOperation>();
                var relationalOperands = new List<IOperation>();
                if (!SmtpCodeContexts.CollectTestedConstants(operation, constants, relationalOperands))
                {
                    return;
                }

                foreach (var constant in constants)
                {
                    if (!SmtpCodeContexts.TryGetLiteral(constant, out _, out var number)
                        || number is not ExpressionSyntax literal
                        || !ReplaceNumber(literal, statusEnum, literal))
                    {
                        CastToEnum(constant, statusEnum);
                    }
                }

                foreach (var operand in relationalOperands)
                {
                    CastToEnum(operand, statusEnum);
                }

                Unwrap(cast);
            }

            private bool ReplaceNumber(ExpressionSyntax literal, StatusEnum statusEnum, ExpressionSyntax replaced)
            {
                if (Member(literal, statusEnum) is not { } member)
                {
                    return false;
                }

                _rewritten.Add(literal);
                _editor.ReplaceNode(replaced, member.WithTriviaFrom(replaced));
                return true;
            }

            private void CastToEnum(IOperation constant, StatusEnum statusEnum)
            {
                if (SmtpCodeContexts.SkipParentheses(constant.Syntax) is not ExpressionSyntax expression || !_rewritten.Add(expression))
                {
                    return;
                }

                // (SmtpStatusCode)535, (SmtpStatusCode)Busy; anything else needs parentheses: (SmtpStatusCode)(-1), (SmtpStatusCode)(Busy + 1).
                var operand = expression is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax
                    ? expression.WithoutTrivia()
                    : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
                _editor.ReplaceNode(
                    expression,
                    Annotate(SyntaxFactory.CastExpression(EnumType(expression, statusEnum), operand).WithTriviaFrom(expression), expression, statusEnum));
            }

            private void Unwrap(CastExpressionSyntax cast)
            {
                if (_rewritten.Add(cast))
                {
                    _editor.ReplaceNode(cast, (current, _) =>
                        current is CastExpressionSyntax currentCast
                            ? currentCast.Expression.WithTriviaFrom(currentCast)
                            : current);
                }
            }

            /// <summary><c>SmtpStatusCode.Member</c> for the number, or null when the value has no current name.</summary>
            private SyntaxNode? Member(ExpressionSyntax literal, StatusEnum statusEnum)
            {
                var constant = Model.GetConstantValue(literal, _cancellationToken);
                if (!constant.HasValue || !IntegralConstants.TryToInt64(constant.Value, out var value))
                {
                    return null;
                }

                var names = statusEnum.CurrentNamesOf(value);
                if (names.IsEmpty)
                {
                    return null;
                }

                var name = names[0].Name;
                if (_alias is not null)
                {
                    foreach (var candidate in names)
                    {
                        if (candidate.Name == _alias)
                        {
                            name = _alias;
                        }
                    }
                }

                return Annotate(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, EnumTypeExpression(literal, statusEnum), MemberName(name)),
                    literal,
                    statusEnum);
            }

            /// <summary>
            /// The simplifier's and formatter's annotations only where the name was written fully qualified, to add the
            /// <c>using</c> and shorten it. A name already written as short as it binds (a member access or a cast, which
            /// need no whitespace; the trivia is the number's) needs neither, and both cost more than linear time in the
            /// number of annotated nodes: one fix of a 1000-case switch took a minute, half of it formatting.
            /// </summary>
            private TNode Annotate<TNode>(TNode node, SyntaxNode position, StatusEnum statusEnum)
                where TNode : SyntaxNode =>
                CanImport(position, statusEnum)
                    ? node.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)
                    : Reparse(node);

            /// <summary>
            /// The node as the parser gives its text: factory-made tokens carry elastic trivia, which the code action's
            /// clean-up formats, again at a cost that grows faster than the number of nodes.
            /// </summary>
            private static TNode Reparse<TNode>(TNode node)
                where TNode : SyntaxNode =>
                SyntaxFactory.ParseExpression(node.ToFullString()) is TNode parsed && !parsed.ContainsDiagnostics && parsed.IsEquivalentTo(node, topLevel: false)
                    ? parsed
                    : node;

            /// <summary>The enum as a type: the shortest name that binds at <paramref name="position"/>, or fully qualified with the import annotations.</summary>
            private TypeSyntax EnumType(SyntaxNode position, StatusEnum statusEnum) =>
                CanImport(position, statusEnum)
                    ? (TypeSyntax)_editor.Generator.TypeExpression(statusEnum.Type, addImport: true)
                    : SyntaxFactory.ParseTypeName(statusEnum.Type.ToMinimalDisplayString(Model, position.SpanStart));

            /// <summary>
            /// The enum's name as the code at <paramref name="position"/> can write it. Where the file sees the enum's
            /// name, the shortest name that binds to it there, written directly: the simplifier, run on several
            /// replacements at once (Fix All), has left some of them qualified that one-at-a-time fixes shortened
            /// (<c>code is (long)Contoso.Mail.ReplyCode.Greylisted or (long)ReplyCode.TryLater</c>). Where it sees no type
            /// of that name, the fully qualified name with the annotations that add the <c>using</c> and shorten it.
            /// </summary>
            private ExpressionSyntax EnumTypeExpression(SyntaxNode position, StatusEnum statusEnum)
            {
                if (!CanImport(position, statusEnum))
                {
                    return SyntaxFactory.ParseExpression(statusEnum.Type.ToMinimalDisplayString(Model, position.SpanStart));
                }

                // Parsed rather than generated so that the tree has the shape the parser gives the same text
                // (a member access chain, not a qualified name inside one); the simplifier shortens it.
                var type = (MemberAccessExpressionSyntax)SyntaxFactory.ParseExpression(
                    statusEnum.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".M");

                // The import annotations the generator puts on a type name ("SymbolId" is the kind of Roslyn's
                // SymbolAnnotation, which 4.8 keeps internal); without them the name stays qualified and still compiles.
                var generated = _editor.Generator.TypeExpression(statusEnum.Type, addImport: true);
                return type.Expression
                    .WithAdditionalAnnotations(generated.GetAnnotations("SymbolId"))
                    .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
            }

            /// <summary>
            /// The member's name as an identifier: a keyword (<c>@class</c>) or <c>_</c> is written verbatim. A token made
            /// from the text "@class" alone would have "@class" as its value and bind to nothing (CS0117).
            /// </summary>
            private static IdentifierNameSyntax MemberName(string name) =>
                SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken
                    ? SyntaxFactory.IdentifierName(SyntaxFactory.VerbatimIdentifier(default, name, name, default))
                    : SyntaxFactory.IdentifierName(name);

            /// <summary>
            /// A <c>using</c> is added only where the file sees no type of the enum's name at all: adding
            /// <c>using System.Net.Mail;</c> to a file that imports MailKit would make its other names ambiguous.
            /// </summary>
            private bool CanImport(SyntaxNode position, StatusEnum statusEnum) =>
                Model.LookupNamespacesAndTypes(position.SpanStart, name: statusEnum.Type.Name).IsEmpty;

            private StatusEnum? GetEnum(string metadataName)
            {
                if (!_enums.TryGetValue(metadataName, out var statusEnum))
                {
                    var compilation = Model.Compilation;
                    statusEnum = compilation.GetTypeByMetadataName(metadataName) is { } type
                        ? StatusEnum.TryCreate(type, compilation.GetTypeByMetadataName("System.ObsoleteAttribute"))
                        : null;
                    _enums.Add(metadataName, statusEnum);
                }

                return statusEnum;
            }
        }
    }
}
