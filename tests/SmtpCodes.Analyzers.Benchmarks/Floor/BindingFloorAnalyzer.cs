using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Benchmarks.Floor
{
    /// <summary>
    /// The floor under any semantic rule (issue 21, item 2): registers the syntax kinds the SmtpCodes rules register,
    /// lets through exactly the nodes the rules' syntax gates let through (the same <see cref="SyntaxHints"/> and
    /// <see cref="SmtpCodeContexts"/> checks, SMTP005's chain gate among them, and the other rules' private first
    /// checks, restated below with the rule that makes each), and asks the semantic model one question, once per member
    /// body that holds such a node. That binds each of those bodies once, as the first rule to ask does in a build; it
    /// decides nothing, and reports nothing unless told to be the reporting floor (<see cref="ReportsProperty"/>). At the
    /// end of the compilation it reports one FLOOR01 naming how many bodies it asked about, so a build's output shows
    /// that it ran. Not shipped: the benchmark compiles this file with <c>src/SmtpCodes.Analyzers/Knowledge</c> into an
    /// analyzer assembly of its own (<see cref="Measurement.FloorAssembly"/>) for the real build.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BindingFloorAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "FLOOR01";

        /// <summary>The warnings of the reporting floor: as many, and as long, as the package's on the same code.</summary>
        public const string ReportId = "FLOOR02";

        /// <summary>
        /// The MSBuild property (made visible to the compiler) that turns this into the <em>reporting</em> floor:
        /// <c>count:length</c> (a comma would split the property on the command line), the number of warnings the package reported on the same corpus and their mean message length.
        /// </summary>
        public const string ReportsProperty = "SmtpCodesFloorReports";

        private static readonly DiagnosticDescriptor Asked = new(
            Id, "Binding floor", "Binding floor: asked the semantic model in {0} member bodies", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

        private static readonly DiagnosticDescriptor Reported = new(
            ReportId, "Reporting floor", "{0}", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Asked, Reported);

        public override void Initialize(AnalysisContext context)
        {
            // As the rules configure themselves (SmtpCodesAnalyzer).
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var bodies = new ConcurrentDictionary<SyntaxNode, byte>();
                var (reports, message) = ReportsToMake(start.Options);
                var reported = 0;
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (RulesWouldBind(node.Node) && BodyOf(node.Node) is { } body && bodies.TryAdd(body, 0))
                        {
                            node.SemanticModel.GetOperation(node.Node, node.CancellationToken);
                        }

                        // The reporting floor: the package's number of warnings, of its mean length, on nodes it looks at.
                        // Numbered, so that two nodes that start at one place (a.B().C()) give two warnings, not one twice.
                        if (reports > 0 && Interlocked.Increment(ref reported) is var number && number <= reports)
                        {
                            var numbered = number.ToString(CultureInfo.InvariantCulture) + " " + message;
                            node.ReportDiagnostic(Diagnostic.Create(Reported, node.Node.GetLocation(), numbered.Substring(0, System.Math.Min(numbered.Length, System.Math.Max(message.Length, 8)))));
                        }
                    },
                    SyntaxKind.CastExpression,
                    SyntaxKind.EqualsExpression,
                    SyntaxKind.NotEqualsExpression,
                    SyntaxKind.SwitchStatement,
                    SyntaxKind.SwitchExpression,
                    SyntaxKind.IsPatternExpression,
                    SyntaxKind.LogicalOrExpression,
                    SyntaxKind.BitwiseOrExpression,
                    SyntaxKind.LogicalAndExpression,
                    SyntaxKind.BitwiseAndExpression,
                    SyntaxKind.InvocationExpression);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Asked, Location.None, bodies.Count)));
            });
        }

        /// <summary>How many FLOOR02 warnings to report and their message, from <see cref="ReportsProperty"/> (none when unset).</summary>
        private static (int Count, string Message) ReportsToMake(AnalyzerOptions options)
        {
            if (!options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + ReportsProperty, out var value)
                || value.Split(':') is not { Length: 2 } parts
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return (0, "");
            }

            const string Lead = "Reporting floor: a warning as long as the package's on average ";
            return (count, length <= Lead.Length ? Lead.Substring(0, length) : Lead + new string('.', length - Lead.Length));
        }

        /// <summary>Whether some rule's syntax gate lets the node through to a question to the semantic model.</summary>
        public static bool RulesWouldBind(SyntaxNode node)
        {
            switch (node)
            {
                case CastExpressionSyntax cast:
                    // SMTP001/004 (MagicSmtpCodeRule.AnalyzeCast): a number cast.
                    return SmtpCodeContexts.IsNumericLiteral(cast.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    // SMTP001/004 (AnalyzeComparison): a number on one side, a status value on the other. SMTP006
                    // (StatusFromMessageRule.AnalyzeBinary): no literal other than a string on either side.
                    return (SmtpCodeContexts.IsNumericLiteral(binary.Right) && MayBeStatusValue(binary.Left))
                        || (SmtpCodeContexts.IsNumericLiteral(binary.Left) && MayBeStatusValue(binary.Right))
                        || (!IsOtherThanStringLiteral(binary.Left) && !IsOtherThanStringLiteral(binary.Right));
                case BinaryExpressionSyntax chain:
                    // SMTP005 (MixedReplyClassesRule.AnalyzeChain): the top of a chain with a link written as a test.
                    return SyntaxHints.IsChainTopWithTest(chain);
                case SwitchStatementSyntax switchStatement:
                    return SwitchMayBeBound(switchStatement, switchStatement.Expression);
                case SwitchExpressionSyntax switchExpression:
                    return SwitchMayBeBound(switchExpression, switchExpression.GoverningExpression);
                case IsPatternExpressionSyntax isPattern:
                    // SMTP001/004 (AnalyzeTests): a status value tested. SMTP005 (AnalyzeIsPattern): an `or` pattern
                    // whose value may be a status.
                    return MayBeStatusValue(isPattern.Expression)
                        || (WithoutParentheses(isPattern.Pattern).IsKind(SyntaxKind.OrPattern) && MixedMayTestStatus(isPattern, isPattern.Expression));
                case InvocationExpressionSyntax invocation:
                    // SMTP006 (AnalyzeInvocation): a text test's name, or a shape that shows no name.
                    return InvokedName(invocation) is not { } name || IsTextTestName(name);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The member whose body the semantic model binds as one (a method, an accessor, a field's initializers...):
        /// lambdas and local functions are bound with the member that holds them.
        /// </summary>
        public static SyntaxNode? BodyOf(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is AccessorDeclarationSyntax or MemberDeclarationSyntax)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>
        /// SMTP002/003 (SwitchCompletenessRule.IsStatusValue): no label rules an enum out. SMTP001/004
        /// (AnalyzeTests): the value may be a status value. SMTP005 (AnalyzeSwitch, AnalyzeSwitchExpression): see
        /// <see cref="MixedMayTestStatus"/>.
        /// </summary>
        private static bool SwitchMayBeBound(SyntaxNode container, ExpressionSyntax value) =>
            !SyntaxHints.TestsRuleOutEnum(container) || MayBeStatusValue(value) || MixedMayTestStatus(container, value);

        /// <summary>SMTP005's MayTestStatus before it asks the model: an integral cast, or some constant not a literal.</summary>
        private static bool MixedMayTestStatus(SyntaxNode container, ExpressionSyntax value) =>
            SyntaxHints.MayBeIntegralCast(value) || !SyntaxHints.TestsOnlyLiterals(container);

        /// <summary>SMTP001/004's MayBeStatusValue: an integral cast, or the name of a local declared with a cast.</summary>
        private static bool MayBeStatusValue(ExpressionSyntax expression) =>
            SyntaxHints.MayBeIntegralCast(expression)
            || (SyntaxHints.Unwrapped(expression) is IdentifierNameSyntax name && SyntaxHints.MayBeCastInitializedLocal(name));

        private static bool IsOtherThanStringLiteral(ExpressionSyntax expression) =>
            SmtpCodeContexts.SkipParentheses(expression) is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.StringLiteralExpression);

        private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        private static bool IsTextTestName(string name) =>
            name is "Contains" or "StartsWith" or "EndsWith" or "Equals" or "IsMatch" or "IndexOf" or "Match";

        private static PatternSyntax WithoutParentheses(PatternSyntax pattern)
        {
            while (pattern is ParenthesizedPatternSyntax parenthesized)
            {
                pattern = parenthesized.Pattern;
            }

            return pattern;
        }
    }
}
