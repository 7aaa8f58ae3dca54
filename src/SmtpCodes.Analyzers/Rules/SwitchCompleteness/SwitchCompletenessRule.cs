using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP002 and SMTP003: a switch statement or switch expression over a status enum (or its <c>Nullable&lt;&gt;</c>)
    /// that leaves transient (4yz) or permanent (5yz) members unhandled. Each label and arm is evaluated against every
    /// member value; a guarded one handles nothing, a default or catch-all only under
    /// <c>smtp_codes.default_counts_as_handled</c>. Not reported where no missing code is treated unlike its class
    /// (<see cref="SwitchFacts"/>): the missing codes reach a fallback that does what the class's branches do, or that
    /// is the class's only handler; the fallback hands the status on; an enclosing <c>if</c> lets only named members in.
    /// </summary>
    internal sealed class SwitchCompletenessRule : StatusRule
    {
        internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP002_MissingTransientCodes, Descriptors.SMTP003_MissingPermanentCodes);

        internal override void Start(RuleStart start)
        {
            var analysis = new Analysis(start.Catalog);

            // Syntax kinds: the value's type is asked of the semantic model, and the switch's operation is built only for a
            // switch on a status enum (docs/performance.md).
            start.Register(analysis.AnalyzeTest, SyntaxKind.SwitchStatement, SyntaxKind.SwitchExpression);
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            /// <summary>The members each enum's switches are judged by, built on the first switch over it.</summary>
            private readonly ConcurrentDictionary<StatusEnum, DecisiveMembers> _decisive = new ConcurrentDictionary<StatusEnum, DecisiveMembers>();

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void AnalyzeTest(SyntaxNodeAnalysisContext context)
            {
                if (context.Node.IsKind(SyntaxKind.SwitchStatement))
                {
                    AnalyzeSwitch(context);
                }
                else if (context.Node.IsKind(SyntaxKind.SwitchExpression))
                {
                    AnalyzeSwitchExpression(context);
                }
            }

            private void AnalyzeSwitch(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchStatementSyntax)context.Node;
                if (!MayBeStatus(context, syntax, syntax.Expression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchOperation operation
                    || !TryGetStatus(operation.Value, out var statusEnum, out var status)
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<SwitchBranch>(operation.Cases.Length);
                foreach (var section in operation.Cases)
                {
                    var branch = new SwitchBranch(section.Syntax, section);
                    foreach (var clause in section.Clauses)
                    {
                        if (clause.Syntax.ContainsDiagnostics)
                        {
                            return;
                        }

                        switch (clause)
                        {
                            case IDefaultCaseClauseOperation:
                                branch.Clauses.Add(SwitchClause.Default);
                                break;
                            case ISingleValueCaseClauseOperation single:
                                if (PatternValues.TryRead(single.Value, out _) == PatternValues.ConstantKind.Unknown)
                                {
                                    return;
                                }

                                branch.Clauses.Add(SwitchClause.ForLabel(statusEnum, single.Value));
                                break;
                            case IPatternCaseClauseOperation patternClause:
                                if (!PatternValues.IsReadable(patternClause.Pattern))
                                {
                                    return;
                                }

                                branch.Clauses.Add(SwitchClause.ForPattern(statusEnum, patternClause.Pattern, patternClause.Guard is not null, clause.Syntax is CasePatternSwitchLabelSyntax label && HasDesignation(label.Pattern)));
                                break;
                            default:
                                return;
                        }
                    }

                    branches.Add(branch);
                }

                Analyze(context, new SwitchFacts(statusEnum, Decisive(statusEnum), operation, status, syntax, syntax.SwitchKeyword, branches));
            }

            private void AnalyzeSwitchExpression(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchExpressionSyntax)context.Node;
                if (!MayBeStatus(context, syntax, syntax.GoverningExpression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchExpressionOperation operation
                    || !TryGetStatus(operation.Value, out var statusEnum, out var status)
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<SwitchBranch>(operation.Arms.Length);
                foreach (var arm in operation.Arms)
                {
                    if (arm.Syntax is not SwitchExpressionArmSyntax armSyntax
                        || armSyntax.Pattern.ContainsDiagnostics
                        || armSyntax.WhenClause?.ContainsDiagnostics == true
                        || !PatternValues.IsReadable(arm.Pattern))
                    {
                        return;
                    }

                    var branch = new SwitchBranch(armSyntax, arm);
                    branch.Clauses.Add(SwitchClause.ForPattern(statusEnum, arm.Pattern, arm.Guard is not null, HasDesignation(armSyntax.Pattern)));
                    branches.Add(branch);
                }

                Analyze(context, new SwitchFacts(statusEnum, Decisive(statusEnum), operation, status, syntax, syntax.SwitchKeyword, branches));
            }

            private DecisiveMembers Decisive(StatusEnum statusEnum) =>
                _decisive.TryGetValue(statusEnum, out var decisive) ? decisive : _decisive.GetOrAdd(statusEnum, new DecisiveMembers(statusEnum));

            /// <summary>
            /// Whether the switched value may be a status, asked before the switch's operation is built: a status converted to
            /// an integral type as written (<c>switch ((int)ex.StatusCode)</c>, its labels numbers), judged like the status;
            /// else, unless a label is a literal no enum takes (<c>case 408:</c>, <c>&gt; 10_000</c>), a value of a status enum.
            /// </summary>
            private bool MayBeStatus(SyntaxNodeAnalysisContext context, SyntaxNode container, ExpressionSyntax value) =>
                (SyntaxHints.MayBeIntegralCast(value)
                    && _catalog.TryGet(context.SemanticModel.GetTypeInfo(SyntaxHints.CastWrittenIn(value)!.Expression, context.CancellationToken).Type, out _))
                || (!SyntaxHints.TestsRuleOutEnum(container)
                    && _catalog.TryGet(context.SemanticModel.GetTypeInfo(value, context.CancellationToken).Type, out _));

            /// <summary>The enum and the status switched on: the value, or the status under a lossless integral conversion of it.</summary>
            private bool TryGetStatus(IOperation value, out StatusEnum statusEnum, out IOperation status)
            {
                status = value;
                if (_catalog.TryGet(value.Type, out statusEnum))
                {
                    return true;
                }

                if (value.WithoutImplicitConversions() is IConversionOperation { IsImplicit: false } conversion
                    && _catalog.IsStatusToIntegral(conversion, out statusEnum, out _))
                {
                    status = conversion.Operand;
                    return true;
                }

                return false;
            }

            private static void Analyze(SyntaxNodeAnalysisContext context, SwitchFacts facts)
            {
                // What the switch handles: every label and arm without a guard; a default or catch-all only with the option.
                var defaultCounts = SmtpCodesOptions.DefaultCountsAsHandled(context.Options, facts.Syntax.SyntaxTree);
                foreach (var branch in facts.Branches)
                {
                    foreach (var clause in branch.Clauses)
                    {
                        if (clause.HasGuard)
                        {
                            continue;
                        }

                        if (clause.IsDefault)
                        {
                            if (defaultCounts)
                            {
                                return;
                            }

                            continue;
                        }

                        facts.Handled.UnionWith(clause.Matched(wildcardsMatch: defaultCounts));
                    }
                }

                SwitchReport.Report(context, facts, Descriptors.SMTP002_MissingTransientCodes, ReplyClass.TransientNegative);
                SwitchReport.Report(context, facts, Descriptors.SMTP003_MissingPermanentCodes, ReplyClass.PermanentNegative);
            }

            /// <summary>Whether the pattern declares a variable (<c>SmtpStatusCode s</c>, <c>var (a, b)</c>, <c>{ } s</c>), read from the syntax without walking it node by node.</summary>
            private static bool HasDesignation(PatternSyntax? pattern)
            {
                switch (pattern)
                {
                    case DeclarationPatternSyntax declaration:
                        return Declares(declaration.Designation);
                    case VarPatternSyntax var:
                        return Declares(var.Designation);
                    case RecursivePatternSyntax recursive:
                        if (Declares(recursive.Designation))
                        {
                            return true;
                        }

                        foreach (var subpattern in recursive.PositionalPatternClause?.Subpatterns ?? default)
                        {
                            if (HasDesignation(subpattern.Pattern))
                            {
                                return true;
                            }
                        }

                        foreach (var subpattern in recursive.PropertyPatternClause?.Subpatterns ?? default)
                        {
                            if (HasDesignation(subpattern.Pattern))
                            {
                                return true;
                            }
                        }

                        return false;
                    case ListPatternSyntax list:
                        if (Declares(list.Designation))
                        {
                            return true;
                        }

                        foreach (var element in list.Patterns)
                        {
                            if (HasDesignation(element))
                            {
                                return true;
                            }
                        }

                        return false;
                    case SlicePatternSyntax slice:
                        return HasDesignation(slice.Pattern);
                    case ParenthesizedPatternSyntax parenthesized:
                        return HasDesignation(parenthesized.Pattern);
                    case UnaryPatternSyntax unary:
                        return HasDesignation(unary.Pattern);
                    case BinaryPatternSyntax binary:
                        return HasDesignation(binary.Left) || HasDesignation(binary.Right);
                    default:
                        // Constant, relational and type patterns declare nothing.
                        return false;
                }
            }

            private static bool Declares(VariableDesignationSyntax? designation) =>
                designation is SingleVariableDesignationSyntax || designation is ParenthesizedVariableDesignationSyntax;
        }
    }
}

