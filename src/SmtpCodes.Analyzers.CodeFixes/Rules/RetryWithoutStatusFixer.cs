using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP007 "Retry only transient (4yz) failures": the catch's filter, or the Polly predicate, is given (or extended
    /// with <c>&amp;&amp;</c> by) a test of the reply class, <c>ex.StatusCode &gt;= (SmtpStatusCode)400 &amp;&amp; ex.StatusCode &lt; (SmtpStatusCode)500</c>,
    /// which also lets through the enum's members below any class (System.Net.Mail's <c>GeneralFailure</c>: no reply at all,
    /// a connection that failed). A catch of a base type around a send gets <c>!(ex is SmtpException smtpException) || …</c>:
    /// other failures are retried as before. A decision (permanent failures now propagate): lightbulb only, no Fix All.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryWithoutStatusFixer)), Shared]
    public sealed class RetryWithoutStatusFixer : CodeFixProvider
    {
        /// <summary>The lightbulb's title (the contract's).</summary>
        public const string Title = "Retry only transient (4yz) failures";

        private const long TransientLow = 400;
        private const long TransientHigh = 500;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PermanentFailureRetried);

        // A decision: a person takes it one diagnostic at a time.
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                // Only this rule's shapes: SMTP007 on a named member (a switch's branch) is not fixed here.
                if (!diagnostic.Properties.TryGetValue(RetryWithoutStatusProperties.Shape, out var shape)
                    || !diagnostic.Properties.TryGetValue(RetryWithoutStatusProperties.EnumType, out var enumType)
                    || !diagnostic.Properties.TryGetValue(RetryWithoutStatusProperties.StatusPath, out var path)
                    || !diagnostic.Properties.TryGetValue(RetryWithoutStatusProperties.ExceptionType, out var exceptionType)
                    || enumType is null || path is null || exceptionType is null)
                {
                    continue;
                }

                SyntaxNode? target = shape == RetryWithoutStatusProperties.PollyShape
                    ? root.FindNode(diagnostic.Location.SourceSpan) is GenericNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } } ? invocation : null
                    : root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as CatchClauseSyntax;
                if (target is null || (target is InvocationExpressionSyntax polly && !CanExtend(polly)))
                {
                    continue;
                }

                var request = new Request(shape!, enumType, path, exceptionType);
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, target, request, cancellationToken), FixKinds.RetryOnlyTransient),
                    diagnostic);
            }
        }

        /// <summary>A Polly call the fix can change: no predicate, or a lambda whose body is an expression or one <c>return</c>.</summary>
        private static bool CanExtend(InvocationExpressionSyntax invocation) => invocation.ArgumentList.Arguments.Count switch
        {
            0 => true,
            1 => invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax lambda && ReturnedBy(lambda) is not null,
            _ => false,
        };

        private static ExpressionSyntax? ReturnedBy(LambdaExpressionSyntax lambda) => lambda switch
        {
            { ExpressionBody: { } body } => body,
            { Block.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
            _ => null,
        };

        private static async Task<Document> FixAsync(Document document, SyntaxNode target, Request request, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || model.Compilation.GetTypeByMetadataName(request.EnumType) is not { } enumType
                || model.Compilation.GetTypeByMetadataName(request.ExceptionType) is not { } exceptionType)
            {
                return document;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            var builder = new ClassTest(generator, enumType, request.StatusPath);
            SyntaxNode replacement;
            switch (target)
            {
                case InvocationExpressionSyntax invocation:
                    replacement = FixPolly(invocation, builder, model);
                    break;
                case CatchClauseSyntax catchClause when request.Shape == RetryWithoutStatusProperties.BaseCatchShape:
                    replacement = FixBaseCatch(catchClause, builder, generator, exceptionType, model);
                    break;
                case CatchClauseSyntax catchClause:
                    replacement = FixCatch(catchClause, builder, model);
                    break;
                default:
                    return document;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
        }

        private static SyntaxNode FixCatch(CatchClauseSyntax catchClause, ClassTest builder, SemanticModel model)
        {
            var (withName, name) = Named(catchClause, model, catchClause.Declaration!.Type);
            return WithFilter(withName, builder.Build(IdentifierName(name)));
        }

        private static SyntaxNode FixBaseCatch(CatchClauseSyntax catchClause, ClassTest builder, SyntaxGenerator generator, INamedTypeSymbol exceptionType, SemanticModel model)
        {
            var baseType = catchClause.Declaration?.Type
                ?? ((TypeSyntax)generator.TypeExpression(model.Compilation.GetTypeByMetadataName("System.Exception")!)).WithAdditionalAnnotations(Simplifier.Annotation);
            var (withName, name) = Named(catchClause, model, baseType);
            var smtpName = FreeName(catchClause, model, "smtpException", name);

            // !(ex is SmtpException smtpException) || <the class test on smtpException>
            var typeTest = IsPatternExpression(
                IdentifierName(name),
                DeclarationPattern(((TypeSyntax)generator.TypeExpression(exceptionType)).WithAdditionalAnnotations(Simplifier.Annotation), SingleVariableDesignation(Identifier(smtpName))));
            var test = BinaryExpression(
                SyntaxKind.LogicalOrExpression,
                PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedExpression(typeTest)),
                ParenthesizedExpression(builder.Build(IdentifierName(smtpName))));
            return WithFilter(withName, test);
        }

        private static SyntaxNode FixPolly(InvocationExpressionSyntax invocation, ClassTest builder, SemanticModel model)
        {
            if (invocation.ArgumentList.Arguments.Count == 0)
            {
                var name = FreeName(invocation, model, "ex", null);
                var lambda = SimpleLambdaExpression(Parameter(Identifier(name)), builder.Build(IdentifierName(name)));
                // The parentheses keep their trivia: a comment after `Handle<T>()` stays on its line.
                var arguments = invocation.ArgumentList;
                return invocation.WithArgumentList(arguments.WithArguments(SingletonSeparatedList(Argument(lambda.WithAdditionalAnnotations(Formatter.Annotation)))));
            }

            var existing = (LambdaExpressionSyntax)invocation.ArgumentList.Arguments[0].Expression;
            var parameter = existing switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                _ => "ex",
            };
            var returned = ReturnedBy(existing)!;
            var extended = And(returned.WithoutTrivia(), builder.Build(IdentifierName(parameter))).WithTriviaFrom(returned);
            return invocation.ReplaceNode(returned, extended);
        }

        /// <summary>The catch with a declaration that names the exception (added where there is none), and that name.</summary>
        private static (CatchClauseSyntax Catch, string Name) Named(CatchClauseSyntax catchClause, SemanticModel model, TypeSyntax type)
        {
            if (catchClause.Declaration is { Identifier.ValueText.Length: > 0 } declaration)
            {
                return (catchClause, declaration.Identifier.ValueText);
            }

            var name = FreeName(catchClause, model, "ex", null);
            var named = catchClause.Declaration is { } existing
                ? existing.WithIdentifier(Identifier(name)).WithCloseParenToken(existing.CloseParenToken)
                : CatchDeclaration(type.WithoutTrivia(), Identifier(name));
            var catchKeyword = catchClause.CatchKeyword;
            if (catchClause.Declaration is null)
            {
                catchKeyword = catchKeyword.WithTrailingTrivia(Space);
                named = named.WithTrailingTrivia(catchClause.CatchKeyword.TrailingTrivia);
            }

            return (catchClause.WithCatchKeyword(catchKeyword).WithDeclaration(named), name);
        }

        private static CatchClauseSyntax WithFilter(CatchClauseSyntax catchClause, ExpressionSyntax test)
        {
            if (catchClause.Filter is { } filter)
            {
                return catchClause.WithFilter(filter.WithFilterExpression(And(filter.FilterExpression, test)));
            }

            var trailing = catchClause.Declaration!.GetTrailingTrivia();
            var declaration = catchClause.Declaration.WithTrailingTrivia(Space);
            return catchClause.WithDeclaration(declaration).WithFilter(CatchFilterClause(test).WithTrailingTrivia(trailing));
        }

        /// <summary><c>left &amp;&amp; right</c>, each in parentheses where its operator binds less tightly.</summary>
        /// <remarks>An <c>&amp;&amp;</c> on the right is folded in (<c>a &amp;&amp; b &amp;&amp; c</c> is <c>(a &amp;&amp; b) &amp;&amp; c</c>), as the parser reads it.</remarks>
        private static ExpressionSyntax And(ExpressionSyntax left, ExpressionSyntax right) =>
            right is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both
                ? BinaryExpression(SyntaxKind.LogicalAndExpression, And(left, both.Left), both.Right)
                : BinaryExpression(SyntaxKind.LogicalAndExpression, Parenthesized(left, SyntaxKind.LogicalAndExpression), Parenthesized(right, SyntaxKind.LogicalAndExpression));

        private static ExpressionSyntax Parenthesized(ExpressionSyntax expression, SyntaxKind under) =>
            BindsLessTightly(expression, under) ? ParenthesizedExpression(expression.WithoutTrivia()) : expression;

        /// <summary>Whether <paramref name="expression"/> needs parentheses as an operand of <paramref name="under"/> (<c>&amp;&amp;</c> or <c>||</c>).</summary>
        private static bool BindsLessTightly(ExpressionSyntax expression, SyntaxKind under) => expression switch
        {
            BinaryExpressionSyntax binary => binary.Kind() switch
            {
                SyntaxKind.LogicalOrExpression => true,
                SyntaxKind.CoalesceExpression => true,
                _ => false,
            },
            ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax or QueryExpressionSyntax => true,
            _ => false,
        };

        /// <summary><paramref name="preferred"/>, or it with a number, where nothing in scope or in <paramref name="scope"/> has that name.</summary>
        private static string FreeName(SyntaxNode scope, SemanticModel model, string preferred, string? taken)
        {
            var used = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            if (taken is not null)
            {
                used.Add(taken);
            }

            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? preferred : preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!used.Contains(candidate) && model.LookupSymbols(scope.SpanStart, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }
        }

        /// <summary>What the analyzer handed over: the shape, the enum, the path to the status, the status exception.</summary>
        private sealed class Request
        {
            internal Request(string shape, string enumType, string statusPath, string exceptionType)
            {
                Shape = shape;
                EnumType = enumType;
                StatusPath = statusPath;
                ExceptionType = exceptionType;
            }

            internal string Shape { get; }

            internal string EnumType { get; }

            internal string StatusPath { get; }

            internal string ExceptionType { get; }
        }

        /// <summary>
        /// The test of the reply class on an exception's status: <c>s &gt;= (E)400 &amp;&amp; s &lt; (E)500</c>, with
        /// <c>s == E.GeneralFailure || …</c> before it for each member of the enum below zero (no reply: the client's own failure).
        /// </summary>
        private sealed class ClassTest
        {
            private readonly SyntaxGenerator _generator;
            private readonly INamedTypeSymbol _enumType;
            private readonly string[] _path;
            private readonly ImmutableArray<string> _noReplyMembers;

            internal ClassTest(SyntaxGenerator generator, INamedTypeSymbol enumType, string statusPath)
            {
                _generator = generator;
                _enumType = enumType;
                _path = statusPath.Split('.');
                var noReply = ImmutableArray.CreateBuilder<string>();
                var seen = new HashSet<long>();
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field
                        && IntegralConstants.TryToInt64(field.ConstantValue, out var value)
                        && value < 0
                        && seen.Add(value)
                        && !field.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute"))
                    {
                        noReply.Add(field.Name);
                    }
                }

                _noReplyMembers = noReply.ToImmutable();
            }

            internal ExpressionSyntax Build(ExpressionSyntax exception)
            {
                ExpressionSyntax range = BinaryExpression(
                    SyntaxKind.LogicalAndExpression,
                    BinaryExpression(SyntaxKind.GreaterThanOrEqualExpression, Status(exception), Class(TransientLow)),
                    BinaryExpression(SyntaxKind.LessThanExpression, Status(exception), Class(TransientHigh)));
                if (_noReplyMembers.IsEmpty)
                {
                    return range;
                }

                ExpressionSyntax? noReply = null;
                foreach (var member in _noReplyMembers)
                {
                    var equals = BinaryExpression(SyntaxKind.EqualsExpression, Status(exception), (ExpressionSyntax)_generator.MemberAccessExpression(EnumTypeSyntax(), member));
                    noReply = noReply is null ? equals : BinaryExpression(SyntaxKind.LogicalOrExpression, noReply, equals);
                }

                return BinaryExpression(SyntaxKind.LogicalOrExpression, noReply!, ParenthesizedExpression(range));
            }

            private ExpressionSyntax Status(ExpressionSyntax exception)
            {
                var status = exception;
                foreach (var step in _path)
                {
                    status = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, status, IdentifierName(step));
                }

                return status;
            }

            private ExpressionSyntax Class(long bound) =>
                CastExpression(EnumTypeSyntax(), LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal((int)bound)));

            private TypeSyntax EnumTypeSyntax() => ((TypeSyntax)_generator.TypeExpression(_enumType)).WithAdditionalAnnotations(Simplifier.Annotation);
        }
    }
}
