using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP008 ("Retry this transient failure") and SMTP007 on a named member ("Stop retrying this permanent failure"): the
    /// member leaves its case section or switch-expression arm for the one branch of the switch that retries (SMTP008) or
    /// gives up (SMTP007), which the analyzer found and passed as additional location 1. A section or arm left without a
    /// label or alternative goes. Not offered where the member would not reach that branch (an arm or section between
    /// them may take its value), where the switch does not compile now, or where the result would not compile.
    /// A decision fix: the program does something else afterwards, so there is no Fix All; the title says what.
    /// Other SMTP007 diagnostics (a catch, a Polly policy) carry no move and are left to their own fixer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MixedReplyClassesMoveFixer)), Shared]
    public sealed class MixedReplyClassesMoveFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.PermanentFailureRetried, DiagnosticIds.TransientFailureGivenUp);

        /// <summary>None: a decision fix is not applied in bulk (Fix All, <c>dotnet format</c>).</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await TryMoveAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } move)
                {
                    var key = diagnostic.Id == DiagnosticIds.TransientFailureGivenUp ? FixKinds.MoveToRetryBranch : FixKinds.MoveToGiveUpBranch;
                    context.RegisterCodeFix(CodeAction.Create(move.Title, _ => Task.FromResult(move.Document), key), diagnostic);
                }
            }
        }

        private static async Task<(Document Document, string Title)?> TryMoveAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.AdditionalLocations.Count != 2
                || !diagnostic.Properties.TryGetValue(MixedReplyClassesProperties.FixKind, out var kind)
                || (kind != MixedReplyClassesProperties.MoveLabel && kind != MixedReplyClassesProperties.MoveAlternative))
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || Find(root, diagnostic.Location) is not ExpressionSyntax member
                || Find(root, diagnostic.AdditionalLocations[0]) is not { } origin
                || Find(root, diagnostic.AdditionalLocations[1]) is not { } target
                || origin.Parent is not { } switchNode
                || target.Parent != switchNode
                || !FixTitles.TryGetCode(model, member, out var value)
                || MixedReplyClassesFixer.HasErrors(model.GetDiagnostics(switchNode.Span, cancellationToken))
                || !ReachesTarget(model, switchNode, origin, target, value, cancellationToken))
            {
                return null;
            }

            SyntaxNode? moved = (switchNode, origin, target) switch
            {
                (SwitchStatementSyntax statement, SwitchSectionSyntax from, SwitchSectionSyntax to) => MoveLabel(statement, from, to, member),
                (SwitchExpressionSyntax expression, SwitchExpressionArmSyntax from, SwitchExpressionArmSyntax to) => MoveAlternative(expression, from, to, member),
                _ => null,
            };
            if (moved is null)
            {
                return null;
            }

            var annotation = new SyntaxAnnotation();
            var newDocument = document.WithSyntaxRoot(root.ReplaceNode(switchNode, moved.WithAdditionalAnnotations(annotation, Formatter.Annotation)));
            var newRoot = await newDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newModel = await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot is null || newModel is null)
            {
                return null;
            }

            foreach (var node in newRoot.GetAnnotatedNodes(annotation))
            {
                if (MixedReplyClassesFixer.HasErrors(newModel.GetDiagnostics(node.Span, cancellationToken)))
                {
                    return null;
                }
            }

            newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (newDocument, Title(diagnostic.Id, member, value, TargetText(model, target)));
        }

        /// <summary>
        /// "Retry this transient failure: move ServiceNotAvailable (421) to the case for 450 ('return true;')";
        /// "Stop retrying this permanent failure: move MailboxUnavailable (550) to the '_' arm ('=&gt; false')".
        /// </summary>
        internal static string Title(string id, SyntaxNode member, long value, string target)
        {
            var what = id == DiagnosticIds.TransientFailureGivenUp ? "Retry this transient failure" : "Stop retrying this permanent failure";
            return $"{what}: move {FixTitles.Name(member)} ({value.ToString(CultureInfo.InvariantCulture)}) to {target}";
        }

        /// <summary>The branch the member moves to, by the codes it names as the split's title names them, and what it does as written.</summary>
        private static string TargetText(SemanticModel model, SyntaxNode target)
        {
            var codes = new List<long>();
            var catchAll = false;
            string does;
            switch (target)
            {
                case SwitchSectionSyntax section:
                    foreach (var label in section.Labels)
                    {
                        switch (label)
                        {
                            case CaseSwitchLabelSyntax constant:
                                AddCode(model, constant.Value, codes);
                                break;
                            case CasePatternSwitchLabelSyntax patternLabel:
                                AddCodes(model, patternLabel.Pattern, codes);
                                break;
                            default:
                                catchAll = true;
                                break;
                        }
                    }

                    var statements = new System.Text.StringBuilder();
                    foreach (var statement in section.Statements)
                    {
                        statements.Append(statements.Length == 0 ? string.Empty : " ").Append(BranchIntent.Describe(statement));
                    }

                    does = statements.ToString();
                    return (codes.Count > 0 ? $"the case for {FixTitles.Codes(codes)}" : catchAll ? "the default case" : "that case") + $" ('{does}')";
                case SwitchExpressionArmSyntax arm:
                    AddCodes(model, arm.Pattern, codes);
                    does = "=> " + BranchIntent.Describe(arm.Expression);
                    return (codes.Count > 0 ? $"the arm for {FixTitles.Codes(codes)}" : $"the '{arm.Pattern}' arm") + $" ('{does}')";
                default:
                    return "that branch";
            }
        }

        private static void AddCodes(SemanticModel model, PatternSyntax pattern, List<long> codes)
        {
            var leaves = new List<PatternSyntax>();
            MixedReplyClassesFixer.Flatten(pattern, leaves);
            foreach (var leaf in leaves)
            {
                if (leaf is ConstantPatternSyntax constant)
                {
                    AddCode(model, constant.Expression, codes);
                }
            }
        }

        private static void AddCode(SemanticModel model, ExpressionSyntax expression, List<long> codes)
        {
            if (FixTitles.TryGetCode(model, expression, out var code))
            {
                codes.Add(code);
            }
        }

        private static SyntaxNode? Find(SyntaxNode root, Location location)
        {
            var span = location.SourceSpan;
            if (!location.IsInSource || !root.FullSpan.Contains(span))
            {
                return null;
            }

            // The member's expression, or the section or arm: the innermost node of exactly that span.
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            return node.Span == span ? node : null;
        }

        /// <summary>
        /// Whether the value, once out of its own branch, reaches the target: no branch between the two (in the order the
        /// switch tries them) may take it, guard or not. A branch before both took it neither before nor after the move.
        /// </summary>
        private static bool ReachesTarget(SemanticModel model, SyntaxNode switchNode, SyntaxNode origin, SyntaxNode target, long value, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(switchNode, cancellationToken);
            var between = false;
            switch (operation)
            {
                case ISwitchOperation statement:
                    foreach (var section in statement.Cases)
                    {
                        if (section.Syntax == target)
                        {
                            return true;
                        }

                        if (between)
                        {
                            foreach (var clause in section.Clauses)
                            {
                                var compiled = clause switch
                                {
                                    ISingleValueCaseClauseOperation single => PatternValues.CompileValue(single.Value),
                                    IPatternCaseClauseOperation pattern => PatternValues.Compile(pattern.Pattern),
                                    _ => null,
                                };
                                if (compiled is not null && compiled.Evaluate(value) != PatternMatch.No)
                                {
                                    return false;
                                }
                            }
                        }

                        between |= section.Syntax == origin;
                    }

                    return false;
                case ISwitchExpressionOperation expression:
                    foreach (var arm in expression.Arms)
                    {
                        if (arm.Syntax == target)
                        {
                            return true;
                        }

                        if (between && PatternValues.Compile(arm.Pattern).Evaluate(value) != PatternMatch.No)
                        {
                            return false;
                        }

                        between |= arm.Syntax == origin;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The switch with the member's label (or <c>or</c> alternative) out of <paramref name="from"/> and a <c>case</c> label
        /// for it in <paramref name="to"/>, before its <c>default:</c>; a section left without labels goes.
        /// </summary>
        private static SwitchStatementSyntax? MoveLabel(SwitchStatementSyntax switchStatement, SwitchSectionSyntax from, SwitchSectionSyntax to, ExpressionSyntax member)
        {
            var labels = new List<SwitchLabelSyntax>(from.Labels.Count);
            var found = false;
            foreach (var label in from.Labels)
            {
                switch (label)
                {
                    case CaseSwitchLabelSyntax constant when !found && IsMember(constant.Value, member):
                        found = true;
                        continue;
                    case CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel when !found:
                        var leaves = new List<PatternSyntax>();
                        MixedReplyClassesFixer.Flatten(patternLabel.Pattern, leaves);
                        var index = leaves.FindIndex(leaf => leaf is ConstantPatternSyntax constantPattern && IsMember(constantPattern.Expression, member));
                        if (index >= 0)
                        {
                            found = true;
                            leaves.RemoveAt(index);
                            if (leaves.Count > 0)
                            {
                                labels.Add(MixedReplyClassesFixer.Restrict(patternLabel, leaves));
                            }

                            continue;
                        }

                        break;
                }

                labels.Add(label);
            }

            if (!found)
            {
                return null;
            }

            var newLabel = SyntaxFactory.CaseSwitchLabel(member.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            var targetLabels = to.Labels;
            var defaultIndex = targetLabels.IndexOf(label => label is DefaultSwitchLabelSyntax);
            var newTarget = to.WithLabels(defaultIndex >= 0 ? targetLabels.Insert(defaultIndex, newLabel) : targetLabels.Add(newLabel));

            var sections = new List<SwitchSectionSyntax>(switchStatement.Sections.Count);
            foreach (var section in switchStatement.Sections)
            {
                if (section == from)
                {
                    if (labels.Count > 0)
                    {
                        sections.Add(from.WithLabels(SyntaxFactory.List(labels)));
                    }
                }
                else
                {
                    sections.Add(section == to ? newTarget : section);
                }
            }

            return switchStatement.WithSections(SyntaxFactory.List(sections));
        }

        /// <summary>
        /// The switch expression with the member's alternative out of <paramref name="from"/> (the arm goes when it was its
        /// only one) and added to <paramref name="to"/> as <c>or</c>. Where <paramref name="to"/> is the discard arm, the
        /// member keeps its name in an arm of its own, where its arm was, with the discard's result: it gets what <c>_</c>
        /// gives (no arm between them may take its value), and a reader still sees it named.
        /// </summary>
        private static SwitchExpressionSyntax? MoveAlternative(SwitchExpressionSyntax switchExpression, SwitchExpressionArmSyntax from, SwitchExpressionArmSyntax to, ExpressionSyntax member)
        {
            if (from.WhenClause is not null || to.WhenClause is not null || to.Pattern is VarPatternSyntax)
            {
                return null;
            }

            var leaves = new List<PatternSyntax>();
            MixedReplyClassesFixer.Flatten(from.Pattern, leaves);
            var index = leaves.FindIndex(leaf => leaf is ConstantPatternSyntax constant && IsMember(constant.Expression, member));
            if (index < 0)
            {
                return null;
            }

            var moved = leaves[index];
            leaves.RemoveAt(index);
            var newFrom = leaves.Count > 0 ? from.WithPattern(MixedReplyClassesFixer.Join(leaves, from.Pattern)) : null;

            SwitchExpressionArmSyntax newTo = to;
            SwitchExpressionArmSyntax? ownArm = null;
            if (to.Pattern is DiscardPatternSyntax)
            {
                ownArm = from.WithPattern(moved.WithTriviaFrom(from.Pattern)).WithExpression(to.Expression.WithTriviaFrom(from.Expression));
            }
            else
            {
                var targetLeaves = new List<PatternSyntax>();
                MixedReplyClassesFixer.Flatten(to.Pattern, targetLeaves);
                if (targetLeaves.Exists(leaf => leaf is not ConstantPatternSyntax && leaf is not RelationalPatternSyntax))
                {
                    // `not A`, `>= A and < B` and the like keep their meaning only in parentheses: join whole patterns instead.
                    targetLeaves.Clear();
                    targetLeaves.Add(to.Pattern is BinaryPatternSyntax { RawKind: (int)SyntaxKind.OrPattern } ? to.Pattern : SyntaxFactory.ParenthesizedPattern(to.Pattern.WithoutTrivia()));
                }

                targetLeaves.Add(moved);
                newTo = to.WithPattern(MixedReplyClassesFixer.Join(targetLeaves, to.Pattern));
            }

            var newArms = new List<SwitchExpressionArmSyntax>(switchExpression.Arms.Count + 1);
            foreach (var arm in switchExpression.Arms)
            {
                if (arm == from)
                {
                    if (newFrom is not null)
                    {
                        newArms.Add(newFrom);
                    }

                    if (ownArm is not null)
                    {
                        newArms.Add(ownArm);
                    }
                }
                else
                {
                    newArms.Add(arm == to ? newTo : arm);
                }
            }

            // The separators as they were, one per arm kept (with the trailing comma if there was one); new ones for an added arm.
            var arms = switchExpression.Arms;
            var items = new List<SyntaxNodeOrToken>(newArms.Count * 2);
            for (var i = 0; i < newArms.Count; i++)
            {
                items.Add(newArms[i]);
                if (i < newArms.Count - 1 || arms.SeparatorCount == arms.Count)
                {
                    items.Add(i < arms.SeparatorCount ? arms.GetSeparator(i) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
                }
            }

            return switchExpression.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items));
        }

        private static bool IsMember(ExpressionSyntax candidate, ExpressionSyntax member) =>
            candidate.Span == member.Span || SmtpCodeContexts.SkipParentheses(candidate).Span == member.Span;
    }
}
