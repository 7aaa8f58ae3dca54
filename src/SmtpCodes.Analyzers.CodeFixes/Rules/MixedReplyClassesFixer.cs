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
using Microsoft.CodeAnalysis.Formatting;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP005: splits a case section or a switch-expression arm that mixes transient and permanent codes into a
    /// transient branch (with any other labels) and a permanent branch after it, each with a copy of the body. The
    /// values each body receives stay the same; the user then changes one of them. Not offered where the result would
    /// not compile (a label the compiler calls unreachable, a local declared twice) or the switch does not compile now.
    /// A decision fix: it copies code for a person to change one copy (in a bulk run, another fix could then route more
    /// codes into either copy), so there is no Fix All; the title names the codes of each new branch.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MixedReplyClassesFixer)), Shared]
    public sealed class MixedReplyClassesFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MixedReplyClasses);

        /// <summary>None: a decision fix is not applied in bulk (Fix All, <c>dotnet format</c>).</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await TrySplitAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } split)
                {
                    context.RegisterCodeFix(CodeAction.Create(split.Title, _ => Task.FromResult(split.Document), FixKinds.SplitByReplyClass), diagnostic);
                }
            }
        }

        /// <summary>One branch to split: its switch, its index among the switch's sections or arms, and the class of each alternative.</summary>
        private sealed class Target
        {
            internal Target(SyntaxNode switchNode, int index, string classes, string? intent)
            {
                Switch = switchNode;
                Index = index;
                Classes = classes;
                Intent = intent;
            }

            /// <summary><see cref="MixedReplyClassesProperties.Retry"/> or <see cref="MixedReplyClassesProperties.GiveUp"/> where the analyzer knows what the branch does.</summary>
            internal string? Intent { get; }

            internal SyntaxNode Switch { get; }

            internal int Index { get; }

            internal string Classes { get; }
        }

        private static async Task<(Document Document, string Title)?> TrySplitAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || FindTarget(root, diagnostic) is not { } target)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || HasErrors(model.GetDiagnostics(target.Switch.Span, cancellationToken)))
            {
                return null;
            }

            var split = Split(target);
            if (split is null)
            {
                return null;
            }

            var annotation = new SyntaxAnnotation();
            var newDocument = document.WithSyntaxRoot(root.ReplaceNode(target.Switch, split.WithAdditionalAnnotations(annotation)));
            var newRoot = await newDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newModel = await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot is null || newModel is null)
            {
                return null;
            }

            foreach (var node in newRoot.GetAnnotatedNodes(annotation))
            {
                if (HasErrors(newModel.GetDiagnostics(node.Span, cancellationToken)))
                {
                    return null;
                }
            }

            return (newDocument, Title(model, target));
        }

        /// <summary>
        /// "Split into a case for 421, 450 (transient) and one for 550 (permanent), both running today's code": the split
        /// alone changes nothing the program does; it gives each class a copy of the body to change.
        /// </summary>
        private static string Title(SemanticModel model, Target target)
        {
            var alternatives = new List<SyntaxNode>();
            switch (target.Switch)
            {
                case SwitchStatementSyntax statement:
                    foreach (var label in statement.Sections[target.Index].Labels)
                    {
                        if (label is CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel)
                        {
                            var leaves = new List<PatternSyntax>();
                            Flatten(patternLabel.Pattern, leaves);
                            alternatives.AddRange(leaves);
                        }
                        else
                        {
                            alternatives.Add(label);
                        }
                    }

                    break;
                case SwitchExpressionSyntax expression:
                    var armLeaves = new List<PatternSyntax>();
                    Flatten(expression.Arms[target.Index].Pattern, armLeaves);
                    alternatives.AddRange(armLeaves);
                    break;
            }

            var transient = new List<long>();
            var permanent = new List<long>();
            for (var i = 0; i < alternatives.Count && i < target.Classes.Length; i++)
            {
                var value = alternatives[i] switch
                {
                    CaseSwitchLabelSyntax label => label.Value,
                    ConstantPatternSyntax constant => constant.Expression,
                    _ => null,
                };
                if (value is not null && FixTitles.TryGetCode(model, value, out var code))
                {
                    var classes = target.Classes[i];
                    (classes == MixedReplyClassesProperties.Permanent ? permanent : classes == MixedReplyClassesProperties.Transient ? transient : null)?.Add(code);
                }
            }

            var (branch, article, today) = target.Switch is SwitchStatementSyntax ? ("case", "a", "running today's code") : ("arm", "an", "giving today's result");

            // Where the message says what the branch does ("retries the permanent … together with the transient …"), the
            // title says, in the same words, that both copies still do it: the split alone changes nothing.
            today = target.Intent switch
            {
                MixedReplyClassesProperties.Retry => "both still retried",
                MixedReplyClassesProperties.GiveUp => "both still given up on",
                _ => "both " + today,
            };
            return transient.Count > 0 && permanent.Count > 0
                ? $"Split into {article} {branch} for {FixTitles.Codes(transient)} (transient) and one for {FixTitles.Codes(permanent)} (permanent), {today}"
                : $"Split into a transient and a permanent {branch}, {today}";
        }

        private static Target? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count != 1
                || !diagnostic.Properties.TryGetValue(MixedReplyClassesProperties.FixKind, out var kind)
                || !diagnostic.Properties.TryGetValue(MixedReplyClassesProperties.Classes, out var classes)
                || classes is null)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(MixedReplyClassesProperties.Intent, out var intent);
            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (kind == MixedReplyClassesProperties.SplitSection
                && node.FirstAncestorOrSelf<SwitchSectionSyntax>() is { Parent: SwitchStatementSyntax switchStatement } section
                && section.Span == span)
            {
                return new Target(switchStatement, switchStatement.Sections.IndexOf(section), classes, intent);
            }

            if (kind == MixedReplyClassesProperties.SplitArm
                && node.FirstAncestorOrSelf<SwitchExpressionArmSyntax>() is { Parent: SwitchExpressionSyntax switchExpression } arm
                && arm.Span == span)
            {
                return new Target(switchExpression, switchExpression.Arms.IndexOf(arm), classes, intent);
            }

            return null;
        }

        /// <summary>The switch with the target's branch split in two; null when the branch does not match its classes.</summary>
        private static SyntaxNode? Split(Target target)
        {
            switch (target.Switch)
            {
                case SwitchStatementSyntax switchStatement when target.Index < switchStatement.Sections.Count:
                    var section = switchStatement.Sections[target.Index];
                    if (SplitSection(section, target.Classes) is not { } sections)
                    {
                        return null;
                    }

                    return switchStatement.WithSections(switchStatement.Sections.RemoveAt(target.Index).InsertRange(target.Index, new[] { sections.First, sections.Second }));
                case SwitchExpressionSyntax switchExpression when target.Index < switchExpression.Arms.Count:
                    var arms = switchExpression.Arms;
                    var arm = arms[target.Index];
                    if (SplitArm(arm, target.Classes) is not { } pair)
                    {
                        return null;
                    }

                    var previous = arm.GetFirstToken().GetPreviousToken();
                    var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(
                        EndsWithNewLine(previous.TrailingTrivia) ? previous.TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.Space));
                    var items = new List<SyntaxNodeOrToken>(arms.Count * 2 + 2);
                    for (var i = 0; i < arms.Count; i++)
                    {
                        if (i == target.Index)
                        {
                            items.Add(pair.First);
                            items.Add(comma);
                            items.Add(pair.Second);
                        }
                        else
                        {
                            items.Add(arms[i]);
                        }

                        if (i < arms.SeparatorCount)
                        {
                            items.Add(arms.GetSeparator(i));
                        }
                    }

                    return switchExpression.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items));
                default:
                    return null;
            }
        }

        private static (SwitchSectionSyntax First, SwitchSectionSyntax Second)? SplitSection(SwitchSectionSyntax section, string classes)
        {
            var first = new List<SwitchLabelSyntax>();
            var second = new List<SwitchLabelSyntax>();
            var position = 0;
            foreach (var label in section.Labels)
            {
                if (label is CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel)
                {
                    var leaves = new List<PatternSyntax>();
                    Flatten(patternLabel.Pattern, leaves);
                    if (position + leaves.Count > classes.Length)
                    {
                        return null;
                    }

                    var transient = Select(leaves, classes, position, permanent: false);
                    var permanent = Select(leaves, classes, position, permanent: true);
                    position += leaves.Count;
                    if (transient.Count > 0)
                    {
                        first.Add(permanent.Count == 0 ? label : Restrict(patternLabel, transient));
                    }

                    if (permanent.Count > 0)
                    {
                        second.Add(transient.Count == 0 ? label : Restrict(patternLabel, permanent));
                    }
                }
                else
                {
                    if (position >= classes.Length)
                    {
                        return null;
                    }

                    (classes[position++] == MixedReplyClassesProperties.Permanent ? second : first).Add(label);
                }
            }

            if (position != classes.Length || first.Count == 0 || second.Count == 0)
            {
                return null;
            }

            // Locals, local functions and labels of a section belong to the whole switch block: each copy gets a block of its own.
            var statements = section.Statements;
            if (DeclaresNames(statements))
            {
                var block = SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);
                statements = SyntaxFactory.SingletonList<StatementSyntax>(block);
            }

            return (section.WithLabels(SyntaxFactory.List(first)).WithStatements(statements),
                    section.WithLabels(SyntaxFactory.List(second)).WithStatements(statements));
        }

        private static (SwitchExpressionArmSyntax First, SwitchExpressionArmSyntax Second)? SplitArm(SwitchExpressionArmSyntax arm, string classes)
        {
            if (arm.WhenClause is not null)
            {
                return null;
            }

            var leaves = new List<PatternSyntax>();
            Flatten(arm.Pattern, leaves);
            if (leaves.Count != classes.Length)
            {
                return null;
            }

            var transient = Select(leaves, classes, 0, permanent: false);
            var permanent = Select(leaves, classes, 0, permanent: true);
            if (transient.Count == 0 || permanent.Count == 0)
            {
                return null;
            }

            return (arm.WithPattern(Join(transient, arm.Pattern)), arm.WithPattern(Join(permanent, arm.Pattern)));
        }

        /// <summary>The <c>or</c> alternatives of a pattern in source order, looking through parentheses (as the operation tree does).</summary>
        internal static void Flatten(PatternSyntax pattern, List<PatternSyntax> leaves)
        {
            switch (pattern)
            {
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                    Flatten(binary.Left, leaves);
                    Flatten(binary.Right, leaves);
                    break;
                case ParenthesizedPatternSyntax parenthesized:
                    Flatten(parenthesized.Pattern, leaves);
                    break;
                default:
                    leaves.Add(pattern);
                    break;
            }
        }

        private static List<PatternSyntax> Select(List<PatternSyntax> leaves, string classes, int offset, bool permanent)
        {
            var selected = new List<PatternSyntax>();
            for (var i = 0; i < leaves.Count; i++)
            {
                if ((classes[offset + i] == MixedReplyClassesProperties.Permanent) == permanent)
                {
                    selected.Add(leaves[i]);
                }
            }

            return selected;
        }

        /// <summary>The label with only some of its alternatives; <c>case A:</c> when one constant is left, as the parser reads it.</summary>
        internal static SwitchLabelSyntax Restrict(CasePatternSwitchLabelSyntax label, List<PatternSyntax> leaves)
        {
            var pattern = Join(leaves, label.Pattern);
            return pattern is ConstantPatternSyntax constant
                ? SyntaxFactory.CaseSwitchLabel(label.Keyword, constant.Expression.WithTriviaFrom(constant), label.ColonToken)
                : label.WithPattern(pattern);
        }

        /// <summary><c>A or B or C</c> from the alternatives, with the trivia of the pattern it replaces.</summary>
        internal static PatternSyntax Join(List<PatternSyntax> leaves, PatternSyntax original)
        {
            var result = leaves[0].WithoutTrivia();
            for (var i = 1; i < leaves.Count; i++)
            {
                result = SyntaxFactory.BinaryPattern(
                    SyntaxKind.OrPattern,
                    result.WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.OrKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    leaves[i].WithoutTrivia());
            }

            return result.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());
        }

        private static bool DeclaresNames(SyntaxList<StatementSyntax> statements)
        {
            foreach (var statement in statements)
            {
                if (statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsWithNewLine(SyntaxTriviaList trivia) =>
            trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);

        internal static bool HasErrors(ImmutableArray<Diagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
