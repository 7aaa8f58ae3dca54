using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
    /// <c>smtp_codes.default_counts_as_handled</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SwitchCompletenessAnalyzer : StatusEnumAnalyzer
    {
        /// <summary>How many missing members the message names before it says "… and N more".</summary>
        internal const int NamedInMessage = 5;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP002_MissingTransientCodes, Descriptors.SMTP003_MissingPermanentCodes);

        private protected override void RegisterActions(CompilationStartAnalysisContext start, StatusEnumCatalog catalog)
        {
            var analysis = new Analysis(catalog);
            start.RegisterOperationAction(analysis.AnalyzeSwitch, OperationKind.Switch);
            start.RegisterOperationAction(analysis.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void AnalyzeSwitch(OperationAnalysisContext context)
            {
                var operation = (ISwitchOperation)context.Operation;
                if (!_catalog.TryGet(operation.Value.Type, out var statusEnum)
                    || operation.Syntax is not SwitchStatementSyntax syntax
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<Branch>(operation.Cases.Length);
                foreach (var section in operation.Cases)
                {
                    var branch = new Branch();
                    foreach (var clause in section.Clauses)
                    {
                        if (clause.Syntax.ContainsDiagnostics)
                        {
                            return;
                        }

                        switch (clause)
                        {
                            case IDefaultCaseClauseOperation:
                                branch.Clauses.Add(Clause.Default);
                                break;
                            case ISingleValueCaseClauseOperation single:
                                if (PatternValues.TryRead(single.Value, out _) == PatternValues.ConstantKind.Unknown)
                                {
                                    return;
                                }

                                branch.Clauses.Add(new Clause(single.Value, null, false, hasDesignation: false));
                                break;
                            case IPatternCaseClauseOperation patternClause:
                                if (!PatternValues.IsReadable(patternClause.Pattern))
                                {
                                    return;
                                }

                                branch.Clauses.Add(new Clause(null, patternClause.Pattern, patternClause.Guard is not null, clause.Syntax is CasePatternSwitchLabelSyntax label && HasDesignation(label.Pattern)));
                                break;
                            default:
                                return;
                        }
                    }

                    branches.Add(branch);
                }

                Analyze(context, statusEnum, syntax, syntax.SwitchKeyword, branches);
            }

            internal void AnalyzeSwitchExpression(OperationAnalysisContext context)
            {
                var operation = (ISwitchExpressionOperation)context.Operation;
                if (!_catalog.TryGet(operation.Value.Type, out var statusEnum)
                    || operation.Syntax is not SwitchExpressionSyntax syntax
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<Branch>(operation.Arms.Length);
                foreach (var arm in operation.Arms)
                {
                    if (arm.Syntax is not SwitchExpressionArmSyntax armSyntax
                        || armSyntax.Pattern.ContainsDiagnostics
                        || armSyntax.WhenClause?.ContainsDiagnostics == true
                        || !PatternValues.IsReadable(arm.Pattern))
                    {
                        return;
                    }

                    var branch = new Branch();
                    branch.Clauses.Add(new Clause(null, arm.Pattern, arm.Guard is not null, HasDesignation(armSyntax.Pattern)));
                    branches.Add(branch);
                }

                Analyze(context, statusEnum, syntax, syntax.SwitchKeyword, branches);
            }

            private void Analyze(OperationAnalysisContext context, StatusEnum statusEnum, SyntaxNode switchSyntax, SyntaxToken switchKeyword, List<Branch> branches)
            {
                var defaultCounts = SmtpCodesOptions.DefaultCountsAsHandled(context.Options, switchSyntax.SyntaxTree);
                Report(context, Descriptors.SMTP002_MissingTransientCodes, ReplyClass.TransientNegative, statusEnum.TransientValues, statusEnum, switchSyntax, switchKeyword, branches, defaultCounts);
                Report(context, Descriptors.SMTP003_MissingPermanentCodes, ReplyClass.PermanentNegative, statusEnum.PermanentValues, statusEnum, switchSyntax, switchKeyword, branches, defaultCounts);
            }

            private static void Report(
                OperationAnalysisContext context,
                DiagnosticDescriptor descriptor,
                ReplyClass replyClass,
                ImmutableArray<ImmutableArray<StatusMember>> valuesOfClass,
                StatusEnum statusEnum,
                SyntaxNode switchSyntax,
                SyntaxToken switchKeyword,
                List<Branch> branches,
                bool defaultCounts)
            {
                var missing = new List<StatusMember>();
                foreach (var names in valuesOfClass)
                {
                    // Names are ordered current first: a value whose first name is [Obsolete] has only obsolete names.
                    var preferred = names[0];
                    if (!preferred.IsObsolete && !IsHandled(branches, preferred.Value, defaultCounts))
                    {
                        missing.Add(preferred);
                    }
                }

                if (missing.Count == 0)
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(SwitchCompletenessProperties.MissingMembers, JoinNames(missing));
                var handler = FindHandler(statusEnum, replyClass, branches, missing);
                if (handler >= 0)
                {
                    properties.Add(SwitchCompletenessProperties.HandlerIndex, handler.ToString(CultureInfo.InvariantCulture));
                }

                var insert = FindInsertIndex(branches, missing);
                if (insert >= 0)
                {
                    properties.Add(SwitchCompletenessProperties.InsertIndex, insert.ToString(CultureInfo.InvariantCulture));
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    switchKeyword.GetLocation(),
                    ImmutableArray.Create(switchSyntax.GetLocation()),
                    properties.ToImmutable(),
                    statusEnum.DisplayName,
                    Describe(missing)));
            }

            private static bool IsHandled(List<Branch> branches, long value, bool defaultCounts)
            {
                foreach (var branch in branches)
                {
                    foreach (var clause in branch.Clauses)
                    {
                        if (!clause.HasGuard && clause.Matches(value, wildcardsMatch: defaultCounts))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary>
            /// The one branch that handles only codes of <paramref name="replyClass"/>: no default, no guard, no variable,
            /// and every member it matches is of that class. -1 when there is none or several, or when a later branch
            /// tests a missing code (adding the code earlier would make that branch unreachable).
            /// </summary>
            private static int FindHandler(StatusEnum statusEnum, ReplyClass replyClass, List<Branch> branches, List<StatusMember> missing)
            {
                var found = -1;
                for (var index = 0; index < branches.Count; index++)
                {
                    if (HandlesOnly(statusEnum, replyClass, branches[index]))
                    {
                        if (found >= 0)
                        {
                            return -1;
                        }

                        found = index;
                    }
                }

                if (found < 0)
                {
                    return -1;
                }

                for (var index = found + 1; index < branches.Count; index++)
                {
                    if (TestsAny(branches[index], missing))
                    {
                        return -1;
                    }
                }

                return found;
            }

            private static bool HandlesOnly(StatusEnum statusEnum, ReplyClass replyClass, Branch branch)
            {
                foreach (var clause in branch.Clauses)
                {
                    if (clause.IsDefault || clause.HasGuard || clause.HasDesignation)
                    {
                        return false;
                    }
                }

                var matchesAny = false;
                foreach (var member in statusEnum.Members)
                {
                    foreach (var clause in branch.Clauses)
                    {
                        if (clause.Matches(member.Value, wildcardsMatch: true))
                        {
                            if (member.Class != replyClass)
                            {
                                return false;
                            }

                            matchesAny = true;
                        }
                    }
                }

                return matchesAny;
            }

            /// <summary>
            /// Where a new branch with the missing codes goes: before the first default or catch-all (a statement's
            /// <c>default:</c> may be passed, it is tried last wherever it stands), after every branch, guarded or not,
            /// that tests one of them. -1 when a catch-all comes first (the code does not compile).
            /// </summary>
            private static int FindInsertIndex(List<Branch> branches, List<StatusMember> missing)
            {
                var after = 0;
                for (var index = 0; index < branches.Count; index++)
                {
                    if (TestsAny(branches[index], missing))
                    {
                        after = index + 1;
                    }
                }

                var preferred = branches.Count;
                var catchAll = branches.Count;
                for (var index = branches.Count - 1; index >= 0; index--)
                {
                    foreach (var clause in branches[index].Clauses)
                    {
                        if (clause.HasGuard)
                        {
                            continue;
                        }

                        if (clause.IsDefault)
                        {
                            preferred = index;
                        }
                        else if (MatchesAny(clause, missing, wildcardsMatch: true))
                        {
                            preferred = index;
                            catchAll = index;
                        }
                    }
                }

                var insert = preferred < after ? after : preferred;
                return insert <= catchAll ? insert : -1;
            }

            private static bool TestsAny(Branch branch, List<StatusMember> missing)
            {
                foreach (var clause in branch.Clauses)
                {
                    if (!clause.IsDefault && MatchesAny(clause, missing, wildcardsMatch: false))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool MatchesAny(Clause clause, List<StatusMember> members, bool wildcardsMatch)
            {
                foreach (var member in members)
                {
                    if (clause.Matches(member.Value, wildcardsMatch))
                    {
                        return true;
                    }
                }

                return false;
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

            private static string JoinNames(List<StatusMember> members)
            {
                var builder = new StringBuilder();
                foreach (var member in members)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(member.Name);
                }

                return builder.ToString();
            }

            /// <summary>"421 ServiceNotAvailable, 450 MailboxBusy", shortened past a handful: "…, … and 3 more".</summary>
            private static string Describe(List<StatusMember> missing)
            {
                var shown = missing.Count <= NamedInMessage ? missing.Count : NamedInMessage - 1;
                var builder = new StringBuilder();
                for (var index = 0; index < shown; index++)
                {
                    if (index > 0)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(missing[index].Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(missing[index].Name);
                }

                if (shown < missing.Count)
                {
                    builder.Append(", … and ").Append((missing.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more");
                }

                return builder.ToString();
            }
        }

        /// <summary>A switch section (its labels) or a switch expression arm (one pattern).</summary>
        private sealed class Branch
        {
            internal List<Clause> Clauses { get; } = new List<Clause>(1);
        }

        private sealed class Clause
        {
            internal static readonly Clause Default = new Clause(null, null, false, false) { IsDefault = true };

            private readonly bool _isConstant;
            private readonly bool _isIntegral;
            private readonly long _constant;
            private readonly CompiledPattern _pattern;

            internal Clause(IOperation? constant, IPatternOperation? pattern, bool hasGuard, bool hasDesignation)
            {
                // A label's value or pattern is read once here, not once per member of the enum it is compared with.
                _isConstant = constant is not null;
                _isIntegral = constant is not null && PatternValues.TryRead(constant, out _constant) == PatternValues.ConstantKind.Integral;
                _pattern = PatternValues.Compile(pattern);
                HasGuard = hasGuard;
                HasDesignation = hasDesignation;
            }

            internal bool IsDefault { get; private set; }

            internal bool HasGuard { get; }

            internal bool HasDesignation { get; }

            /// <summary>Whether the label or pattern matches the value, its guard left aside.</summary>
            internal bool Matches(long value, bool wildcardsMatch)
            {
                if (IsDefault)
                {
                    return wildcardsMatch;
                }

                if (_isConstant)
                {
                    return _isIntegral && _constant == value;
                }

                return _pattern.Matches(value, wildcardsMatch);
            }
        }
    }
}
