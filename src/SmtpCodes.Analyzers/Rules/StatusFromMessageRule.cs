using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP006: a reply code read from the <c>Message</c> of an exception whose static type carries the status
    /// (<c>ex.Message.Contains("550")</c>, <c>Regex.IsMatch(ex.Message, "^550")</c>, <c>ex.Message == "550"</c>), directly or
    /// through a local assigned from it. Reported on the text test.
    /// </summary>
    internal sealed class StatusFromMessageRule : StatusRule
    {
        internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP006_StatusReadFromMessage);

        internal override void Start(RuleStart start)
        {
            if (start.Exceptions is not { } exceptions)
            {
                return;
            }

            var analysis = new Analysis(exceptions, start.Catalog.FindType(start.Compilation, "System.Text.RegularExpressions.Regex"));

            // Syntax kinds, each rejected from its syntax before its operation is asked for (docs/performance.md).
            start.Register(analysis.Analyze, SyntaxKind.InvocationExpression, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression);
        }

        /// <summary>How the text is searched, which decides what the fix replaces.</summary>
        private enum TestKind
        {
            /// <summary><c>Contains</c>, <c>StartsWith</c>, <c>EndsWith</c>, <c>Equals</c>, <c>IsMatch</c>, <c>==</c>: a bool.</summary>
            Boolean,

            /// <summary><c>IndexOf</c>: an int, compared with 0 or -1.</summary>
            Index,

            /// <summary><c>Regex.Match</c>: a Match, read through <c>.Success</c>.</summary>
            Match,

            /// <summary><c>!=</c>: the negation of the text test.</summary>
            Negated,
        }

        private sealed class Analysis
        {
            private readonly StatusExceptionCatalog _exceptions;
            private readonly INamedTypeSymbol? _regex;

            /// <summary>String locals and the value they keep (null: none, or written again), decided once per local.</summary>
            private readonly ConcurrentDictionary<ILocalSymbol, IOperation?> _initializers =
                new ConcurrentDictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);

            internal Analysis(StatusExceptionCatalog exceptions, INamedTypeSymbol? regex)
            {
                _exceptions = exceptions;
                _regex = regex;
            }

            internal void Analyze(SyntaxNodeAnalysisContext context)
            {
                if (context.Node is InvocationExpressionSyntax)
                {
                    AnalyzeInvocation(context);
                }
                else
                {
                    AnalyzeBinary(context);
                }
            }

            private void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
            {
                // The name as written first: most invocations are rejected without asking the compiler anything.
                var name = InvokedName(context.Node);
                if ((name is not null && !IsTestName(name))
                    || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                TestKind kind;
                switch (method.Name)
                {
                    case "Contains":
                    case "StartsWith":
                    case "EndsWith":
                    case "Equals":
                    case "IsMatch":
                        kind = TestKind.Boolean;
                        break;
                    case "IndexOf":
                        kind = TestKind.Index;
                        break;
                    case "Match":
                        kind = TestKind.Match;
                        break;
                    default:
                        return;
                }

                if (method.ContainingType.SpecialType == SpecialType.System_String)
                {
                    if (method.IsStatic)
                    {
                        // string.Equals(ex.Message, "550"), either way round.
                        if (method.Name == "Equals" && Argument(invocation, 0) is { } first && Argument(invocation, 1) is { } second)
                        {
                            _ = TryAnalyze(context, invocation, first, second, kind, isRegex: false, isStartsWith: false)
                                || TryAnalyze(context, invocation, second, first, kind, isRegex: false, isStartsWith: false);
                        }

                        return;
                    }

                    if (invocation.Instance is not { } receiver || Argument(invocation, 0) is not { } searched)
                    {
                        return;
                    }

                    if (!TryAnalyze(context, invocation, receiver, searched, kind, isRegex: false, isStartsWith: method.Name == "StartsWith")
                        && method.Name == "Equals")
                    {
                        // "550".Equals(ex.Message)
                        TryAnalyze(context, invocation, searched, receiver, kind, isRegex: false, isStartsWith: false);
                    }

                    return;
                }

                if (_regex is not null
                    && method.IsStatic
                    && kind != TestKind.Index
                    && method.Name != "Contains" && method.Name != "StartsWith" && method.Name != "EndsWith" && method.Name != "Equals"
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType, _regex)
                    && Argument(invocation, "input") is { } input
                    && Argument(invocation, "pattern") is { } pattern)
                {
                    TryAnalyze(context, invocation, input, pattern, kind, isRegex: true, isStartsWith: false);
                }
            }

            /// <summary>The method name an invocation is written with; null for shapes that do not show one.</summary>
            private static string? InvokedName(SyntaxNode syntax) => syntax is InvocationExpressionSyntax invocation
                ? invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                }
                : null;

            private static bool IsTestName(string name) => name switch
            {
                "Contains" or "StartsWith" or "EndsWith" or "Equals" or "IsMatch" or "IndexOf" or "Match" => true,
                _ => false,
            };

            private void AnalyzeBinary(SyntaxNodeAnalysisContext context)
            {
                // A literal that is not a string (null, 0, true) on either side: no comparison of two strings.
                var syntax = (BinaryExpressionSyntax)context.Node;
                if (IsOtherThanStringLiteral(syntax.Left)
                    || IsOtherThanStringLiteral(syntax.Right)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IBinaryOperation binary
                    || (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
                    || !(HoldsStringConstant(binary.LeftOperand) || HoldsStringConstant(binary.RightOperand))
                    || binary.LeftOperand.Type?.SpecialType != SpecialType.System_String
                    || binary.RightOperand.Type?.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                var kind = binary.OperatorKind == BinaryOperatorKind.Equals ? TestKind.Boolean : TestKind.Negated;
                _ = TryAnalyze(context, binary, binary.LeftOperand, binary.RightOperand, kind, isRegex: false, isStartsWith: false)
                    || TryAnalyze(context, binary, binary.RightOperand, binary.LeftOperand, kind, isRegex: false, isStartsWith: false);
            }

            private bool TryAnalyze(SyntaxNodeAnalysisContext context, IOperation test, IOperation text, IOperation searched, TestKind kind, bool isRegex, bool isStartsWith)
            {
                // The cheap test first: a constant that is a reply code (or, for StartsWith, a reply class).
                if (searched.WithoutImplicitConversions().ConstantValue is not { HasValue: true, Value: string constant })
                {
                    return false;
                }

                if (isRegex && constant.Length > 0 && constant[0] == '^')
                {
                    constant = constant.Substring(1);
                }

                var hasCode = ReplyCodeText.TryRead(constant, isRegex, out var code);
                if (!hasCode && !(isStartsWith && ReplyCodeText.IsReplyClass(constant)))
                {
                    return false;
                }

                if (!TryGetMessage(text, test, context.CancellationToken, out var message, out var exception, out var viaLocal))
                {
                    return false;
                }

                var statusText = message.Syntax is MemberAccessExpressionSyntax access ? access.Expression + "." + exception.StatusPath : exception.StatusPath;
                var replaced = hasCode ? NodeToReplace(test, kind) : null;
                var properties = ImmutableDictionary<string, string?>.Empty;
                var additional = ImmutableArray<Location>.Empty;
                if (replaced is not null
                    && CanRebuild(message, test, viaLocal)
                    && exception.StatusEnum.CurrentNamesOf(code) is { IsEmpty: false } names)
                {
                    // CanRebuild checked it: ex.Message, ((SmtpException)error).Message.
                    var exceptionSyntax = ((MemberAccessExpressionSyntax)message.Syntax).Expression;
                    properties = properties
                        .Add(StatusFromMessageProperties.StatusPath, exception.StatusPath)
                        .Add(StatusFromMessageProperties.EnumType, exception.StatusEnum.MetadataName)
                        .Add(StatusFromMessageProperties.MemberName, names[0].Name);
                    additional = ImmutableArray.Create(exceptionSyntax.GetLocation(), replaced.Syntax.GetLocation());

                    // "550 5.1.1": real replies do not start their message with the code, but the enhanced code and the text
                    // after it are there; the fix keeps testing them beside the status (additional location 2: the text).
                    if (ReplyCodeText.TextAfterCode(constant, isRegex) is { Length: > 0 } rest)
                    {
                        properties = properties.Add(StatusFromMessageProperties.TextAfterCode, rest);
                        if (isRegex)
                        {
                            properties = properties.Add(StatusFromMessageProperties.TextIsPattern, "true");
                        }

                        additional = additional.Add(text.Syntax.GetLocation());
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SMTP006_StatusReadFromMessage,
                    test.Syntax.GetLocation(),
                    additional,
                    properties,
                    test.Syntax.ToString(),
                    statusText));
                return true;
            }

            /// <summary>
            /// The expression a status comparison can stand for: the test itself, <c>IndexOf(..) &gt;= 0</c>, <c>Match(..).Success</c>;
            /// null under a negation, where the fix is left to the user.
            /// </summary>
            private static IOperation? NodeToReplace(IOperation test, TestKind kind)
            {
                IOperation? replaced;
                switch (kind)
                {
                    case TestKind.Boolean:
                        replaced = test;
                        break;
                    case TestKind.Match:
                        replaced = test.Parent is IPropertyReferenceOperation { Property.Name: "Success" } success ? success : null;
                        break;
                    case TestKind.Index:
                        replaced = IsFoundComparison(test) ? test.Parent : null;
                        break;
                    default:
                        return null;
                }

                return replaced is null || replaced.Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } ? null : replaced;
            }

            /// <summary><c>IndexOf(..) &gt;= 0</c>, <c>!= -1</c>, <c>&gt; -1</c>, <c>== 0</c> (found, or found at the start).</summary>
            private static bool IsFoundComparison(IOperation indexOf)
            {
                if (indexOf.Parent is not IBinaryOperation comparison || comparison.LeftOperand != indexOf
                    || comparison.RightOperand.WithoutImplicitConversions().ConstantValue is not { HasValue: true, Value: int bound })
                {
                    return false;
                }

                return comparison.OperatorKind switch
                {
                    BinaryOperatorKind.GreaterThanOrEqual => bound == 0,
                    BinaryOperatorKind.NotEquals => bound == -1,
                    BinaryOperatorKind.GreaterThan => bound == -1,
                    BinaryOperatorKind.Equals => bound == 0,
                    _ => false,
                };
            }

            /// <summary>
            /// Whether the fix can write <c>instance.StatusCode</c> where the test is: the instance is written out and, when
            /// the text came through a local, is a local or parameter that the same name still reaches at the test.
            /// </summary>
            private static bool CanRebuild(IPropertyReferenceOperation message, IOperation test, bool viaLocal)
            {
                var instance = message.Instance;
                if (instance is null || instance.IsImplicit || message.Syntax is not MemberAccessExpressionSyntax)
                {
                    return false;
                }

                if (!viaLocal)
                {
                    return true;
                }

                ISymbol? symbol = instance switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (symbol is null || test.SemanticModel is not { } model)
                {
                    return false;
                }

                // The test reads the local, so it lies inside the local's scope, which lies inside the instance's: the
                // name still reaches the instance unless a lambda or local function in between declares it again, or
                // the test sits in another switch section than the instance's (a case pattern's variable ends with its
                // section, a local declared in a section does not). Those few cases ask the semantic model.
                if (!CrossesScopeBoundary(test.Syntax, message.Syntax))
                {
                    return true;
                }

                foreach (var candidate in model.LookupSymbols(test.Syntax.SpanStart, name: symbol.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate, symbol))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether a lambda, local function or switch section encloses <paramref name="node"/> but not <paramref name="other"/>.</summary>
            private static bool CrossesScopeBoundary(SyntaxNode node, SyntaxNode other)
            {
                for (var ancestor = node.Parent; ancestor is not null && !ancestor.Span.Contains(other.Span); ancestor = ancestor.Parent)
                {
                    if (ancestor is AnonymousFunctionExpressionSyntax || ancestor is LocalFunctionStatementSyntax || ancestor is SwitchSectionSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// <c>ex.Message</c> of a status exception, or a string local initialised from it and never written again.
            /// </summary>
            private bool TryGetMessage(IOperation text, IOperation test, CancellationToken cancellationToken, out IPropertyReferenceOperation message, out StatusException exception, out bool viaLocal)
            {
                viaLocal = false;
                text = text.WithoutImplicitConversions();
                if (text is IConditionalAccessInstanceOperation)
                {
                    // ex.Message?.Contains("550"): the receiver is the conditional access's operand.
                    for (var parent = text.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation conditional)
                        {
                            text = conditional.Operation.WithoutImplicitConversions();
                            break;
                        }
                    }
                }

                if (text is ILocalReferenceOperation local && InitializerOf(local.Local, test, cancellationToken) is { } initializer)
                {
                    viaLocal = true;
                    text = initializer;
                }

                if (text is IPropertyReferenceOperation { Property.Name: "Message", Instance: { } instance } property
                    && property.Type?.SpecialType == SpecialType.System_String
                    && _exceptions.TryGet(instance.Type, out exception))
                {
                    message = property;
                    return true;
                }

                message = null!;
                exception = null!;
                return false;
            }

            /// <summary><see cref="TryGetInitializer"/>, decided once per local: a message kept in a local is usually tested more than once.</summary>
            private IOperation? InitializerOf(ILocalSymbol local, IOperation use, CancellationToken cancellationToken)
            {
                if (local.Type.SpecialType != SpecialType.System_String)
                {
                    return null;
                }

                if (!_initializers.TryGetValue(local, out var initializer))
                {
                    initializer = _initializers.GetOrAdd(local, TryGetInitializer(local, use, cancellationToken));
                }

                return initializer;
            }

            /// <summary>The initial value of a string local that nothing writes again (a name-based, conservative scan).</summary>
            private static IOperation? TryGetInitializer(ILocalSymbol local, IOperation use, CancellationToken cancellationToken)
            {
                if (local.IsRef || local.IsConst || local.Type.SpecialType != SpecialType.System_String
                    || local.DeclaringSyntaxReferences.Length != 1
                    || use.SemanticModel is not { } model
                    || local.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
                    || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                    || !LocalWrites.NotWrittenAfter(declarator))
                {
                    return null;
                }

                return model.GetOperation(initializer.Value, cancellationToken) is { } value ? value.WithoutImplicitConversions() : null;
            }

            private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static IOperation? Argument(IInvocationOperation invocation, string name)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == name)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            /// <summary>A string constant, which the text test needs on one side: asked before any type.</summary>
            private static bool IsOtherThanStringLiteral(ExpressionSyntax expression) =>
                SmtpCodeContexts.SkipParentheses(expression) is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.StringLiteralExpression);

            private static bool HoldsStringConstant(IOperation operand) =>
                operand.WithoutImplicitConversions().ConstantValue is { HasValue: true, Value: string };
        }
    }
}
