using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What SMTP002/SMTP003 say about one switch: the missing members of a class, named in the message, and where its
    /// fix can put them (the one branch of their class, the place for a new one), handed on as properties.
    /// </summary>
    internal static class SwitchReport
    {
        /// <summary>The end of the message where what the missing codes reach is not known: today's wording.</summary>
        internal const string DefaultDoesNotCount = "'default:' and '_' do not count as handling them unless smtp_codes.default_counts_as_handled = true";

        internal static void Report(SyntaxNodeAnalysisContext context, SwitchFacts facts, DiagnosticDescriptor descriptor, ReplyClass replyClass)
        {
            var statusEnum = facts.StatusEnum;
            var missing = facts.Missing(replyClass);
            if (missing is null || facts.HandsStatusOn || facts.AsksNarrowQuestion)
            {
                return;
            }

            // What the missing codes reach decides first: a branch that does what their class needs handles them, one that
            // does the opposite is the mistake to name; only where that is not known do the shapes of the switch speak.
            var reached = facts.FallbackIntent(missing);
            string ending;
            if (reached == FailureIntent.HandOn || reached == Fitting(replyClass))
            {
                return;
            }

            if (reached == Fitting(DecisiveMembers.Other(replyClass)))
            {
                ending = "they reach '" + BranchIntent.Describe(facts.FallbackSyntax!) + "', which " + What(reached) + "; "
                    + (replyClass == ReplyClass.TransientNegative ? "a 4yz reply means try again later" : "a 5yz reply cannot succeed when retried");
            }
            else if (facts.FallbackHandlesClass(replyClass))
            {
                return;
            }
            else
            {
                ending = DefaultDoesNotCount;
            }

            var missingSet = new MemberSet(statusEnum.Members.Length);
            foreach (var member in missing)
            {
                missingSet.Add(member.Index);
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(SwitchCompletenessProperties.MissingMembers, JoinNames(missing));
            if (reached != FailureIntent.Unknown)
            {
                properties.Add(SwitchCompletenessProperties.ReachedIntent, reached.ToString());
            }

            var handler = FindHandler(facts.Decisive, replyClass, facts.Branches, missingSet);
            if (handler >= 0)
            {
                properties.Add(SwitchCompletenessProperties.HandlerIndex, handler.ToString(CultureInfo.InvariantCulture));
                if (facts.IntentOf(facts.Branches[handler]) is var handlerIntent and (FailureIntent.Retry or FailureIntent.GiveUp))
                {
                    properties.Add(SwitchCompletenessProperties.HandlerIntent, handlerIntent.ToString());
                }
            }

            var insert = FindInsertIndex(facts.Branches, missingSet);
            if (insert >= 0)
            {
                properties.Add(SwitchCompletenessProperties.InsertIndex, insert.ToString(CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                facts.Keyword.GetLocation(),
                ImmutableArray.Create(facts.Syntax.GetLocation()),
                properties.ToImmutable(),
                statusEnum.DisplayName,
                Describe(missing),
                ending));
        }

        /// <summary>What a branch should do with the codes of a class: retry the transient ones, give up on the permanent ones.</summary>
        private static FailureIntent Fitting(ReplyClass replyClass) =>
            replyClass == ReplyClass.TransientNegative ? FailureIntent.Retry : FailureIntent.GiveUp;

        /// <summary>The words of the message and of the fix titles (<c>FixTitles</c>): "retries them", "gives up on them".</summary>
        internal static string What(FailureIntent intent) => intent == FailureIntent.Retry ? "retries them" : "gives up on them";

        /// <summary>
        /// The one branch that handles only codes of <paramref name="replyClass"/>: no default, no guard, no variable,
        /// and every member it matches is of that class. -1 when there is none or several, or when a later branch
        /// tests a missing code (adding the code earlier would make that branch unreachable).
        /// </summary>
        private static int FindHandler(DecisiveMembers decisive, ReplyClass replyClass, List<SwitchBranch> branches, MemberSet missing)
        {
            var found = -1;
            for (var index = 0; index < branches.Count; index++)
            {
                if (branches[index].MatchedByPlainLabels is { } matched && decisive.HandlesOnly(matched, replyClass))
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
        private static int FindInsertIndex(List<SwitchBranch> branches, MemberSet missing)
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
        private static bool TestsAny(SwitchBranch branch, MemberSet members)
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

        /// <summary>"421 ServiceNotAvailable, 450 MailboxBusy": every missing member, by value (at most 14 in any enum's class).</summary>
        private static string Describe(List<StatusMember> missing)
        {
            var builder = new StringBuilder(missing.Count * 32);
            for (var index = 0; index < missing.Count; index++)
            {
                if (index > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(missing[index].Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(missing[index].Name);
            }

            return builder.ToString();
        }
    }
}
