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

                                branch.Clauses.Add(new Clause(statusEnum, single.Value, null, false, hasDesignation: false));
                                break;
                            case IPatternCaseClauseOperation patternClause:
                                if (!PatternValues.IsReadable(patternClause.Pattern))
                                {
                                    return;
                                }

                                branch.Clauses.Add(new Clause(statusEnum, null, patternClause.Pattern, patternClause.Guard is not null, clause.Syntax is CasePatternSwitchLabelSyntax label && HasDesignation(label.Pattern)));
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
                    branch.Clauses.Add(new Clause(statusEnum, null, arm.Pattern, arm.Guard is not null, HasDesignation(armSyntax.Pattern)));
                    branches.Add(branch);
                }

                Analyze(context, statusEnum, syntax, syntax.SwitchKeyword, branches);
            }

            private void Analyze(OperationAnalysisContext context, StatusEnum statusEnum, SyntaxNode switchSyntax, SyntaxToken switchKeyword, List<Branch> branches)
            {
                // What the switch handles: every label and arm without a guard; a default or catch-all only with the option.
                var defaultCounts = SmtpCodesOptions.DefaultCountsAsHandled(context.Options, switchSyntax.SyntaxTree);
                var handled = new MemberSet(statusEnum.Members.Length);
                foreach (var branch in branches)
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

                        handled.UnionWith(clause.Matched(wildcardsMatch: defaultCounts));
                    }
                }

                Report(context, Descriptors.SMTP002_MissingTransientCodes, ReplyClass.TransientNegative, statusEnum.TransientValues, statusEnum, switchSyntax, switchKeyword, branches, handled);
                Report(context, Descriptors.SMTP003_MissingPermanentCodes, ReplyClass.PermanentNegative, statusEnum.PermanentValues, statusEnum, switchSyntax, switchKeyword, branches, handled);
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
                MemberSet handled)
            {
                List<StatusMember>? missing = null;
                foreach (var names in valuesOfClass)
                {
                    // Names are ordered current first: a value whose first name is [Obsolete] has only obsolete names.
                    var preferred = names[0];
                    if (!preferred.IsObsolete && !handled.Contains(preferred.Index))
                    {
                        (missing ??= new List<StatusMember>(valuesOfClass.Length)).Add(preferred);
                    }
                }

                if (missing is null)
                {
                    return;
                }

                var missingSet = new MemberSet(statusEnum.Members.Length);
                foreach (var member in missing)
                {
                    missingSet.Add(member.Index);
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(SwitchCompletenessProperties.MissingMembers, JoinNames(missing));
                var handler = FindHandler(statusEnum, replyClass, branches, missingSet);
                if (handler >= 0)
                {
                    properties.Add(SwitchCompletenessProperties.HandlerIndex, handler.ToString(CultureInfo.InvariantCulture));
                }

                var insert = FindInsertIndex(branches, missingSet);
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

            /// <summary>
            /// The one branch that handles only codes of <paramref name="replyClass"/>: no default, no guard, no variable,
            /// and every member it matches is of that class. -1 when there is none or several, or when a later branch
            /// tests a missing code (adding the code earlier would make that branch unreachable).
            /// </summary>
            private static int FindHandler(StatusEnum statusEnum, ReplyClass replyClass, List<Branch> branches, MemberSet missing)
            {
                var ofClass = statusEnum.MembersOfClass(replyClass)!;
                var found = -1;
                for (var index = 0; index < branches.Count; index++)
                {
                    if (branches[index].MatchedByPlainLabels is { IsEmpty: false } matched && matched.IsSubsetOf(ofClass))
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

            /// <summary>
            /// Where a new branch with the missing codes goes: before the first default or catch-all (a statement's
            /// <c>default:</c> may be passed, it is tried last wherever it stands), after every branch, guarded or not,
            /// that tests one of them. -1 when a catch-all comes first (the code does not compile).
            /// </summary>
            private static int FindInsertIndex(List<Branch> branches, MemberSet missing)
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
                        else if (clause.Matched(wildcardsMatch: true).Overlaps(missing))
                        {
                            preferred = index;
                            catchAll = index;
                        }
                    }
                }

                var insert = preferred < after ? after : preferred;
                return insert <= catchAll ? insert : -1;
            }

            /// <summary>Whether a label or arm of the branch names one of the members, wildcards aside.</summary>
            private static bool TestsAny(Branch branch, MemberSet members)
            {
                foreach (var clause in branch.Clauses)
                {
                    if (!clause.IsDefault && clause.Matched(wildcardsMatch: false).Overlaps(members))
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
                var length = members.Count;
                foreach (var member in members)
                {
                    length += member.Name.Length;
                }

                var builder = new StringBuilder(length);
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
                var builder = new StringBuilder(shown * 32 + 24);
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
            private MemberSet? _matchedByPlainLabels;
            private bool _isPlainKnown;

            internal List<Clause> Clauses { get; } = new List<Clause>(1);

            /// <summary>
            /// What the branch matches, wildcards counting as everything, when no label is a default and none has a
            /// guard or declares a variable; null otherwise. Such a branch can take more codes of one class.
            /// </summary>
            internal MemberSet? MatchedByPlainLabels
            {
                get
                {
                    if (!_isPlainKnown)
                    {
                        _matchedByPlainLabels = ComputeMatchedByPlainLabels();
                        _isPlainKnown = true;
                    }

                    return _matchedByPlainLabels;
                }
            }

            private MemberSet? ComputeMatchedByPlainLabels()
            {
                MemberSet? matched = null;
                foreach (var clause in Clauses)
                {
                    if (clause.IsDefault || clause.HasGuard || clause.HasDesignation)
                    {
                        return null;
                    }

                    var loose = clause.Matched(wildcardsMatch: true);
                    if (matched is null)
                    {
                        matched = new MemberSet(clause.MemberCount);
                    }

                    matched.UnionWith(loose);
                }

                return matched;
            }
        }

        /// <summary>One label or arm, with the members of its enum it matches, computed once.</summary>
        private sealed class Clause
        {
            internal static readonly Clause Default = new Clause();

            private readonly MemberSet? _strict;
            private readonly MemberSet? _loose;

            private Clause() => IsDefault = true;

            internal Clause(StatusEnum statusEnum, IOperation? constant, IPatternOperation? pattern, bool hasGuard, bool hasDesignation)
            {
                HasGuard = hasGuard;
                HasDesignation = hasDesignation;
                var members = statusEnum.Members;
                MemberCount = members.Length;
                _strict = new MemberSet(members.Length);
                if (constant is not null)
                {
                    // A label's value: wildcards do not come into it.
                    _loose = _strict;
                    if (PatternValues.TryRead(constant, out var value) == PatternValues.ConstantKind.Integral)
                    {
                        foreach (var member in members)
                        {
                            if (member.Value == value)
                            {
                                _strict.Add(member.Index);
                            }
                        }
                    }

                    return;
                }

                _loose = new MemberSet(members.Length);
                var compiled = PatternValues.Compile(pattern);
                foreach (var member in members)
                {
                    if (compiled.Matches(member.Value, wildcardsMatch: false))
                    {
                        _strict.Add(member.Index);
                    }

                    if (compiled.Matches(member.Value, wildcardsMatch: true))
                    {
                        _loose.Add(member.Index);
                    }
                }
            }

            internal bool IsDefault { get; }

            internal bool HasGuard { get; }

            internal bool HasDesignation { get; }

            internal int MemberCount { get; }

            /// <summary>
            /// The members the label or pattern matches, its guard left aside; wildcards (<c>_</c>, <c>var x</c>, a type
            /// pattern) match everything or nothing as asked. Not for <see cref="Default"/>.
            /// </summary>
            internal MemberSet Matched(bool wildcardsMatch) => (wildcardsMatch ? _loose : _strict)!;
        }
    }
}
