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
    /// (<c>ex.Response.ReplyCode == SmtpReplyCode.MailboxUnavailable</c> for SmtpServer). Where another operand of the same
    /// <c>||</c> or <c>&amp;&amp;</c> chain already compares that status with that code, in any spelling
    /// (<c>(int)ex.StatusCode == 550</c>, <c>ex.StatusCode is SmtpStatusCode.MailboxUnavailable</c>), before the test or
    /// after it with nothing in between that has an effect, the text test is dropped instead: the comparison would only
    /// repeat it. So SMTP001's and SMTP006's fixes, in either order, end in one
    /// operand. A value-preserving fix: Fix All fixes every diagnostic that has a fix and leaves the others (a code the
    /// enum lacks, a negated test) as they are.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatusFromMessageFixer)), Shared]
    public sealed class StatusFromMessageFixer : CodeFixProvider
    {
        private static readonly char[] s_pathSeparator = { '.' };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StatusReadFromMessage);

        // Fixes in one chain see each other (the second of two equal tests is dropped), so a document's fixes are applied in turn.
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
                if (Target.TryCreate(root, diagnostic) is not { } target || target.Locate(root) is not { } nodes)
                {
                    continue;
                }

                var typeName = target.EnumType.Substring(target.EnumType.LastIndexOf('.') + 1);
                var title = RepeatedTest(model, nodes.Replaced, nodes.Exception, target, context.CancellationToken) is null
                    ? $"Compare the exception's status with '{typeName}.{target.Member}'"
                    : $"Remove the text test: the status is already compared with '{typeName}.{target.Member}'";
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

        /// <summary>
        /// Every diagnostic of the document that has a fix, one after the other on the result of the one before, in source
        /// order; those without a fix are skipped. <c>dotnet format</c> passes a null key when the first diagnostic it
        /// looks at has none (a code the enum lacks): there is only one kind of fix, so that key means this one too.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            if (context.CodeActionEquivalenceKey is not null && context.CodeActionEquivalenceKey != FixKinds.CompareStatus)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var targets = new List<Target>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id == DiagnosticIds.StatusReadFromMessage && Target.TryCreate(root, diagnostic) is { } target && target.Locate(root) is not null)
                {
                    targets.Add(target);
                }
            }

            if (targets.Count == 0)
            {
                return null;
            }

            targets.Sort((a, b) => a.ReplacedSpan.Start.CompareTo(b.ReplacedSpan.Start));
            var current = Target.MarkAll(document, root, targets);
            var changed = false;
            foreach (var target in targets)
            {
                if (await FixAsync(current, target, context.CancellationToken).ConfigureAwait(false) is { } next)
                {
                    current = next;
                    changed = true;
                }
            }

            return changed ? current : null;
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

            var (exception, replaced) = nodes;
            if (RepeatedTest(model, replaced, exception, target, cancellationToken) is { } chain)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(chain.Binary, WithoutOperand(chain.Binary, chain.Operand)));
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            var status = exception.WithoutTrivia();
            foreach (var step in target.Path.Split(s_pathSeparator))
            {
                status = (ExpressionSyntax)generator.MemberAccessExpression(status, step);
            }

            // Parsed, not generated: the simplified result is then the member access a user would type (and the parser reads).
            var value = SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + target.Member)
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
        /// One diagnostic's fix, read from its properties: the exception expression and the text test (additional locations
        /// 0 and 1), found again through annotations once earlier fixes of the same document have moved them.
        /// </summary>
        private sealed class Target
        {
            private readonly SyntaxAnnotation _exceptionMark = new SyntaxAnnotation();
            private readonly SyntaxAnnotation _replacedMark = new SyntaxAnnotation();

            private Target(Microsoft.CodeAnalysis.Text.TextSpan exceptionSpan, Microsoft.CodeAnalysis.Text.TextSpan replacedSpan, string enumType, string member, string path)
            {
                ExceptionSpan = exceptionSpan;
                ReplacedSpan = replacedSpan;
                EnumType = enumType;
                Member = member;
                Path = path;
            }

            internal Microsoft.CodeAnalysis.Text.TextSpan ExceptionSpan { get; }

            internal Microsoft.CodeAnalysis.Text.TextSpan ReplacedSpan { get; }

            internal string EnumType { get; }

            internal string Member { get; }

            internal string Path { get; }

            internal static Target? TryCreate(SyntaxNode root, Diagnostic diagnostic)
            {
                if (diagnostic.AdditionalLocations.Count != 2
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.MemberName, out var member)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.EnumType, out var enumType)
                    || !diagnostic.Properties.TryGetValue(StatusFromMessageProperties.StatusPath, out var path)
                    || member is null || enumType is null || path is null
                    || !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan)
                    || !root.FullSpan.Contains(diagnostic.AdditionalLocations[1].SourceSpan))
                {
                    return null;
                }

                return new Target(diagnostic.AdditionalLocations[0].SourceSpan, diagnostic.AdditionalLocations[1].SourceSpan, enumType, member, path);
            }

            /// <summary>
            /// The nodes at the diagnostic's locations in the tree it was reported on; null where the test cannot be
            /// replaced: <c>ex.Message?.Contains("550")</c>, whose test is a member binding of a conditional access outside it.
            /// </summary>
            internal (ExpressionSyntax Exception, ExpressionSyntax Replaced)? Locate(SyntaxNode root) =>
                root.FindNode(ExceptionSpan, getInnermostNodeForTie: true) is ExpressionSyntax exception
                && root.FindNode(ReplacedSpan, getInnermostNodeForTie: true) is ExpressionSyntax replaced
                && !BindsOutside(replaced)
                    ? (exception, replaced)
                    : null;

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

            /// <summary>The nodes carrying this target's marks, in a tree made by <see cref="Mark"/> or <see cref="MarkAll"/>.</summary>
            internal (ExpressionSyntax Exception, ExpressionSyntax Replaced)? Find(SyntaxNode root)
            {
                ExpressionSyntax? exception = null, replaced = null;
                foreach (var node in root.GetAnnotatedNodes(_exceptionMark))
                {
                    exception = node as ExpressionSyntax;
                }

                foreach (var node in root.GetAnnotatedNodes(_replacedMark))
                {
                    replaced = node as ExpressionSyntax;
                }

                return exception is not null && replaced is not null ? (exception, replaced) : null;
            }

            internal Document Mark(Document document, SyntaxNode root) => MarkAll(document, root, new[] { this });

            internal static Document MarkAll(Document document, SyntaxNode root, IReadOnlyList<Target> targets)
            {
                var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                foreach (var target in targets)
                {
                    if (target.Locate(root) is { } nodes)
                    {
                        Add(marks, nodes.Exception, target._exceptionMark);
                        Add(marks, nodes.Replaced, target._replacedMark);
                    }
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
