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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP006: <c>ex.Message.Contains("550")</c> becomes <c>ex.StatusCode == SmtpStatusCode.MailboxUnavailable</c>
    /// (<c>ex.Response.ReplyCode == SmtpReplyCode.MailboxUnavailable</c> for SmtpServer). A decision, not a rewrite: real
    /// clients' messages do not hold the reply code (MailKit's is the text after it, System.Net.Mail's a sentence of its
    /// own), so the text test was false where the status is 550 and the program now takes the other branch. Hence no Fix
    /// All: a person takes it from the lightbulb, whose title says so. Text after the code (<c>"550 5.1.1"</c>) stays as a
    /// test of the message beside the comparison: <c>ex.StatusCode == … &amp;&amp; ex.Message.Contains("5.1.1")</c>.
    /// Where another operand of the same <c>||</c> chain already compares that status with that code, in any spelling,
    /// before the test or after it with nothing in between that has an effect, the text test is dropped instead (in an
    /// <c>&amp;&amp;</c> chain, its text after the code stays).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatusFromMessageFixer)), Shared]
    public sealed class StatusFromMessageFixer : CodeFixProvider
    {
        private static readonly char[] s_pathSeparator = { '.' };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StatusReadFromMessage);

        // A decision (rules.md, "A code fix is one of two kinds"): no Fix All, so dotnet format leaves SMTP006 in place.
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Target.TryCreate(root, diagnostic) is not { } target
                    || target.Locate(root) is not { } nodes
                    || model.Compilation.GetTypeByMetadataName(target.EnumType) is not { } enumType
                    || !IntegralConstants.TryGetMemberValue(enumType, target.Member, out var code))
                {
                    continue;
                }

                var member = enumType.Name + "." + target.Member;
                var kept = target.TextAfterCode is { } rest ? $" and the message for \"{rest}\"" : string.Empty;
                var title = RepeatedTest(model, nodes.Replaced, nodes.Exception, target, context.CancellationToken) is not { } chain
                    ? $"Decide by the status: test '{member}'{kept} (the program will now act on a {code} reply)"
                    : KeepsText(chain.Binary, target)
                        ? $"Decide by the status: keep the comparison with '{member}' and test the message for \"{target.TextAfterCode}\""
                        : $"Remove the text test: the program will act on the comparison with '{member}' alone";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        async cancellationToken =>
                        {
                            var marked = target.Mark(context.Document, root);
                            return await FixAsync(marked, target, cancellationToken).ConfigureAwait(false) ?? context.Document;
                        },
                        FixKinds.CompareStatus),
                    diagnostic);
            }
        }

        /// <summary>The fix of one target in a document where its nodes carry its marks; null when they are gone.</summary>
        private static async Task<Document?> FixAsync(Document document, Target target, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || model.Compilation.GetTypeByMetadataName(target.EnumType) is not { } enumType
                || target.Find(root) is not { } nodes)
            {
                return null;
            }

            var (exception, replaced, text) = nodes;
            var generator = SyntaxGenerator.GetGenerator(document);
            var textTest = target.TextAfterCode is { } rest && text is not null ? TextTest(generator, text, rest, target.TextIsPattern, IsVerbatim(replaced)) : null;
            if (RepeatedTest(model, replaced, exception, target, cancellationToken) is { } chain)
            {
                // In an && chain the text after the code still narrows the comparison already there; in an || chain it only
                // widened a test that real messages never passed.
                return KeepsText(chain.Binary, target) && textTest is not null
                    ? document.WithSyntaxRoot(root.ReplaceNode(replaced, Parenthesize(textTest, replaced)))
                    : document.WithSyntaxRoot(root.ReplaceNode(chain.Binary, WithoutOperand(chain.Binary, chain.Operand)));
            }

            var status = exception.WithoutTrivia();
            foreach (var step in target.Path.Split(s_pathSeparator))
            {
                status = (ExpressionSyntax)generator.MemberAccessExpression(status, step);
            }

            // Parsed, not generated: the simplified result is then the member access a user would type (and the parser reads).
            var value = SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + target.Member)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var test = (ExpressionSyntax)generator.ValueEqualsExpression(status, value);
            if (textTest is not null)
            {
                test = (ExpressionSyntax)generator.LogicalAndExpression(test, textTest);
            }

            var comparison = Parenthesize(test, replaced);
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

        private static ExpressionSyntax Parenthesize(ExpressionSyntax test, ExpressionSyntax replaced) =>
            SyntaxFactory.ParenthesizedExpression(test)
                .WithTriviaFrom(replaced)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        /// <summary>
        /// The message test that stays: <c>text.Contains("5.1.1")</c>, or <c>Regex.IsMatch(text, "5\\.1\\.1")</c> for a pattern.
        /// Contains, not StartsWith: the text after the code is inside the message, not at its start (System.Net.Mail
        /// begins with a sentence of its own).
        /// </summary>
        private static ExpressionSyntax TextTest(SyntaxGenerator generator, ExpressionSyntax text, string rest, bool isPattern, bool verbatim)
        {
            // A pattern written @"^550\s5\.1\.1" stays verbatim: "5\\.1\\.1" would be the same value, harder to read.
            var literal = verbatim
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("@\"" + rest.Replace("\"", "\"\"") + "\"", rest))
                : generator.LiteralExpression(rest);
            var read = text.WithoutTrivia();
            if (isPattern)
            {
                var regex = SyntaxFactory.ParseExpression("global::System.Text.RegularExpressions.Regex").WithAdditionalAnnotations(Simplifier.Annotation);
                return (ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(regex, "IsMatch"), read, literal);
            }

            return (ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(read, "Contains"), literal);
        }

        private static bool IsVerbatim(ExpressionSyntax test)
        {
            foreach (var token in test.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith("@", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the removal of a repeated test keeps the text after its code: in an <c>&amp;&amp;</c> chain.</summary>
        private static bool KeepsText(BinaryExpressionSyntax chain, Target target) =>
            target.TextAfterCode is not null && chain.IsKind(SyntaxKind.LogicalAndExpression);

        /// <summary>
        /// Where the text test is an operand of an <c>||</c> or <c>&amp;&amp;</c> chain and another operand of that chain
        /// already compares the same exception's status with the same code: the binary expression that holds the test and
        /// the operand (the test, or the parentheses around it) to drop from it.
        /// </summary>
        private static (BinaryExpressionSyntax Binary, ExpressionSyntax Operand)? RepeatedTest(SemanticModel model, ExpressionSyntax replaced, ExpressionSyntax exception, Target target, CancellationToken cancellationToken)
        {
            ExpressionSyntax operand = replaced;
            while (operand.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                operand = parenthesized;
            }

            if (operand.Parent is not BinaryExpressionSyntax binary
                || !(binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.LogicalAndExpression))
                || model.Compilation.GetTypeByMetadataName(target.EnumType) is not { } enumType
                || !IntegralConstants.TryGetMemberValue(enumType, target.Member, out var code))
            {
                return null;
            }

            // The whole chain: up through operators of the same kind, then every operand of it but the test.
            var top = binary;
            for (var parent = Unparenthesized(top); parent.Parent is BinaryExpressionSyntax outer && outer.IsKind(binary.Kind()); parent = Unparenthesized(outer))
            {
                top = outer;
            }

            var operands = new List<ExpressionSyntax>();
            Flatten(top, binary.Kind(), operands);
            var path = target.Path.Split(s_pathSeparator);
            var position = operands.IndexOf(operand);

            // An equal comparison before the test: whenever the test runs, the comparison has already given its answer, so
            // the test changes nothing. After it: dropping the test makes the operands in between run where the test used
            // to decide the chain (`text && Log(ex) && status == code` would log every exception), so only where nothing
            // in between has an effect; otherwise the test becomes a second, equal comparison.
            var quietSoFar = true;
            for (var i = 0; i < operands.Count; i++)
            {
                if (i == position)
                {
                    continue;
                }

                var inner = Unwrapped(operands[i]);
                var operation = model.GetOperation(inner, cancellationToken);
                if ((i < position || quietSoFar) && ComparesStatus(operation, exception, path, code))
                {
                    return (binary, operand);
                }

                if (i > position)
                {
                    quietSoFar &= IsQuiet(operation, exception);
                }
            }

            return null;
        }

        /// <summary>C# binds no node for parentheses: the operation is the inner expression's.</summary>
        private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>
        /// Whether running <paramref name="operation"/> where it did not run before can change nothing the program does: a
        /// constant, a local, a parameter, <c>this</c>, a field or property read from those that cannot meet null (a static
        /// member, <c>this</c>, a value, or the exception the test reads), and comparisons, <c>!</c>, <c>&amp;&amp;</c>,
        /// <c>||</c> and <c>is</c> tests of such. Invocations, user-defined operators, arithmetic (which can overflow or
        /// divide by zero), casts that can fail and everything else are not.
        /// </summary>
        private static bool IsQuiet(IOperation? operation, ExpressionSyntax exception)
        {
            switch (operation)
            {
                case null:
                    return false;
                case { ConstantValue.HasValue: true }:
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                case IInstanceReferenceOperation:
                    return true;
                case IFieldReferenceOperation field:
                    return IsQuietInstance(field.Instance, exception);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return IsQuietInstance(property.Instance, exception);
                case IConversionOperation { OperatorMethod: null, IsTryCast: false, IsChecked: false } conversion
                    when conversion.Conversion.IsImplicit || conversion.Conversion.IsNumeric || conversion.GetConversion().IsEnumeration:
                    return IsQuiet(conversion.Operand, exception);
                case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Not } not:
                    return IsQuiet(not.Operand, exception);
                case IBinaryOperation { OperatorMethod: null } binary when IsComparisonOrLogical(binary.OperatorKind):
                    return IsQuiet(binary.LeftOperand, exception) && IsQuiet(binary.RightOperand, exception);
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern:
                    return IsQuiet(isPattern.Value, exception) && IsQuiet(constant.Value, exception);
                default:
                    return false;
            }
        }

        private static bool IsQuietInstance(IOperation? instance, ExpressionSyntax exception) =>
            instance is null
            || instance is IInstanceReferenceOperation
            || (instance.Type is { IsValueType: true } && IsQuiet(instance, exception))
            || (!instance.IsImplicit && SyntaxFactory.AreEquivalent(instance.Syntax, exception.WithoutTrivia()) && IsQuiet(instance, exception));

        private static bool IsComparisonOrLogical(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr
                or BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr => true,
            _ => false,
        };

        private static SyntaxNode Unparenthesized(SyntaxNode node)
        {
            while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized;
            }

            return node;
        }

        private static void Flatten(ExpressionSyntax expression, SyntaxKind kind, List<ExpressionSyntax> operands)
        {
            if (Unwrapped(expression) is BinaryExpressionSyntax binary && binary.IsKind(kind))
            {
                Flatten(binary.Left, kind, operands);
                Flatten(binary.Right, kind, operands);
            }
            else
            {
                operands.Add(expression);
            }
        }

        /// <summary><c>status == code</c> either way round, or <c>status is code</c>, with or without integral conversions.</summary>
        private static bool ComparesStatus(IOperation? operation, ExpressionSyntax exception, string[] path, long code)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, OperatorMethod: null } equals:
                    return (IsStatus(equals.LeftOperand, exception, path) && HasValue(equals.RightOperand, code))
                        || (IsStatus(equals.RightOperand, exception, path) && HasValue(equals.LeftOperand, code));
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern:
                    return IsStatus(pattern.Value, exception, path) && HasValue(constant.Value, code);
                default:
                    return false;
            }
        }

        /// <summary>The status read from the same exception expression along the same path: <c>ex.StatusCode</c>, <c>(int)ex.StatusCode</c>.</summary>
        private static bool IsStatus(IOperation operation, ExpressionSyntax exception, string[] path)
        {
            operation = WithoutConversions(operation);
            for (var i = path.Length - 1; i >= 0; i--)
            {
                if (operation is not IPropertyReferenceOperation { Instance: { } instance } property || property.Property.Name != path[i])
                {
                    return false;
                }

                operation = WithoutConversions(instance);
            }

            return !operation.IsImplicit && SyntaxFactory.AreEquivalent(operation.Syntax, exception.WithoutTrivia());
        }

        private static bool HasValue(IOperation operation, long code) =>
            WithoutConversions(operation).ConstantValue is { HasValue: true } constant
            && IntegralConstants.TryToInt64(constant.Value, out var value)
            && value == code;

        private static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation { OperatorMethod: null } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary><c>a || b</c> without <paramref name="operand"/>: the other side, in the binary expression's place.</summary>
        private static ExpressionSyntax WithoutOperand(BinaryExpressionSyntax binary, ExpressionSyntax operand) =>
            operand == binary.Right
                ? binary.Left.WithTrailingTrivia(binary.GetTrailingTrivia())
                : binary.Right.WithLeadingTrivia(binary.GetLeadingTrivia());

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

        /// <summary>
        /// One diagnostic's fix, read from its properties: the exception expression, the text test and, where the searched
        /// text goes on after its code, the text it searches (additional locations 0, 1 and 2), found again through
        /// annotations in the document the fix marks.
        /// </summary>
        private sealed class Target
        {
            private readonly SyntaxAnnotation _exceptionMark = new SyntaxAnnotation();
            private readonly SyntaxAnnotation _replacedMark = new SyntaxAnnotation();
            private readonly SyntaxAnnotation _textMark = new SyntaxAnnotation();
            private readonly Microsoft.CodeAnalysis.Text.TextSpan _exceptionSpan;
            private readonly Microsoft.CodeAnalysis.Text.TextSpan _replacedSpan;
            private readonly Microsoft.CodeAnalysis.Text.TextSpan? _textSpan;

            private Target(Diagnostic diagnostic, string enumType, string member, string path)
            {
                _exceptionSpan = diagnostic.AdditionalLocations[0].SourceSpan;
                _replacedSpan = diagnostic.AdditionalLocations[1].SourceSpan;
                EnumType = enumType;
                Member = member;
                Path = path;
                if (diagnostic.AdditionalLocations.Count == 3
                    && diagnostic.Properties.TryGetValue(StatusFromMessageProperties.TextAfterCode, out var rest)
                    && rest is { Length: > 0 })
                {
                    _textSpan = diagnostic.AdditionalLocations[2].SourceSpan;
                    TextAfterCode = rest;
                    TextIsPattern = diagnostic.Properties.ContainsKey(StatusFromMessageProperties.TextIsPattern);
                }
            }

            internal string EnumType { get; }

            internal string Member { get; }

            internal string Path { get; }

            /// <summary><c>5.1.1</c> of <c>"550 5.1.1"</c>; null when the searched text is the code alone.</summary>
            internal string? TextAfterCode { get; }

            internal bool TextIsPattern { get; }

            internal static Target? TryCreate(SyntaxNode root, Diagnostic diagnostic)
            {
                if (diagnostic.AdditionalLocations.Count is not (2 or 3)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.MemberName, out var member)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.EnumType, out var enumType)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.StatusPath, out var path)
                    || member is null || enumType is null || path is null)
                {
                    return null;
                }

                foreach (var location in diagnostic.AdditionalLocations)
                {
                    if (!root.FullSpan.Contains(location.SourceSpan))
                    {
                        return null;
                    }
                }

                return new Target(diagnostic, enumType, member, path);
            }

            /// <summary>
            /// The nodes at the diagnostic's locations in the tree it was reported on; null where the test cannot be
            /// replaced: <c>ex.Message?.Contains("550")</c>, whose test is a member binding of a conditional access outside it.
            /// </summary>
            internal (ExpressionSyntax Exception, ExpressionSyntax Replaced, ExpressionSyntax? Text)? Locate(SyntaxNode root)
            {
                if (root.FindNode(_exceptionSpan, getInnermostNodeForTie: true) is not ExpressionSyntax exception
                    || root.FindNode(_replacedSpan, getInnermostNodeForTie: true) is not ExpressionSyntax replaced
                    || BindsOutside(replaced))
                {
                    return null;
                }

                var text = _textSpan is { } span ? root.FindNode(span, getInnermostNodeForTie: true) as ExpressionSyntax : null;
                return (exception, replaced, text);
            }

            /// <summary>Whether a <c>.Member</c> or <c>[index]</c> binding in <paramref name="expression"/> belongs to a <c>?.</c> outside it.</summary>
            private static bool BindsOutside(ExpressionSyntax expression)
            {
                foreach (var node in expression.DescendantNodesAndSelf())
                {
                    if (node is MemberBindingExpressionSyntax || node is ElementBindingExpressionSyntax)
                    {
                        var bound = false;
                        for (var ancestor = node.Parent; ancestor is not null && !bound; ancestor = ancestor == expression ? null : ancestor.Parent)
                        {
                            bound = ancestor is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull.Span.Contains(node.Span);
                        }

                        if (!bound)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary>The nodes carrying this target's marks, in a tree made by <see cref="Mark"/>.</summary>
            internal (ExpressionSyntax Exception, ExpressionSyntax Replaced, ExpressionSyntax? Text)? Find(SyntaxNode root)
            {
                var exception = Marked(root, _exceptionMark);
                var replaced = Marked(root, _replacedMark);
                return exception is not null && replaced is not null ? (exception, replaced, Marked(root, _textMark)) : null;
            }

            private static ExpressionSyntax? Marked(SyntaxNode root, SyntaxAnnotation mark)
            {
                ExpressionSyntax? found = null;
                foreach (var node in root.GetAnnotatedNodes(mark))
                {
                    found = node as ExpressionSyntax;
                }

                return found;
            }

            /// <summary>The document with this target's nodes annotated, so they are found again after the tree changes around them.</summary>
            internal Document Mark(Document document, SyntaxNode root)
            {
                if (Locate(root) is not { } nodes)
                {
                    return document;
                }

                var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                Add(marks, nodes.Exception, _exceptionMark);
                Add(marks, nodes.Replaced, _replacedMark);
                if (nodes.Text is { } text)
                {
                    Add(marks, text, _textMark);
                }

                return document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            }

            private static void Add(Dictionary<SyntaxNode, List<SyntaxAnnotation>> marks, SyntaxNode node, SyntaxAnnotation mark)
            {
                if (!marks.TryGetValue(node, out var list))
                {
                    marks.Add(node, list = new List<SyntaxAnnotation>());
                }

                list.Add(mark);
            }
        }
    }
}
