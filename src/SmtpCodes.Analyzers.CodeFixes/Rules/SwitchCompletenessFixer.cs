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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// The fixes of SMTP002 and SMTP003: add the missing codes of a class to the one section or arm that already
    /// handles that class, or as a new section or arm that throws <see cref="System.NotImplementedException"/>. Both are
    /// decisions (they change what the missing codes do), so there is no Fix All: a person takes them one at a time from
    /// the lightbulb, whose title names the codes, what they will do and what they do today. The work is recomputed here
    /// from the switch and the diagnostic's list of missing members, as Roslyn's PopulateSwitch does.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchCompletenessFixer)), Shared]
    public sealed class SwitchCompletenessFixer : CodeFixProvider
    {
        /// <summary>What an action does with the missing codes.</summary>
        internal enum FixAction
        {
            /// <summary>Adds them to the one case or arm that handles only codes of their class.</summary>
            ToHandler,

            /// <summary>Adds a case or arm of their own that throws NotImplementedException.</summary>
            NewCase,

            /// <summary>Lists them where they go today: in the default section, in a case that breaks, in an arm copying the discard's.</summary>
            AsToday,
        }

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.MissingTransientCodes, DiagnosticIds.MissingPermanentCodes);

        /// <summary>None: a decision fix is not applied in bulk (Fix All, <c>dotnet format</c>).</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

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
                var transient = diagnostic.Id == DiagnosticIds.MissingTransientCodes;
                foreach (var action in new[] { FixAction.ToHandler, FixAction.NewCase, FixAction.AsToday })
                {
                    if (Plan.TryCreate(root, model, diagnostic, action, context.CancellationToken) is not { } plan)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(plan.Title(), token => FixAsync(context.Document, diagnostic, action, token), EquivalenceKey(transient, action)),
                        diagnostic);
                }
            }
        }

        private static string EquivalenceKey(bool transient, FixAction action) => action switch
        {
            FixAction.ToHandler => transient ? FixKinds.TransientToHandler : FixKinds.PermanentToHandler,
            FixAction.NewCase => transient ? FixKinds.TransientAsNewCase : FixKinds.PermanentAsNewCase,
            _ => transient ? FixKinds.TransientAsToday : FixKinds.PermanentAsToday,
        };

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, FixAction action, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || Plan.TryCreate(root, model, diagnostic, action, cancellationToken) is not { } plan)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            editor.ReplaceNode(plan.Switch, (current, generator) => plan.Apply(current, generator));
            var fixedDocument = document.WithSyntaxRoot(editor.GetChangedRoot());
            fixedDocument = await Simplifier.ReduceAsync(fixedDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(fixedDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>What one diagnostic's fix does, read from its properties and checked against the current syntax.</summary>
        private sealed class Plan
        {
            private readonly INamedTypeSymbol _enumType;
            private readonly ITypeSymbol? _notImplemented;
            private readonly string[] _members;
            private readonly int _index;
            private readonly FixAction _action;

            /// <summary>With <see cref="FixAction.AsToday"/>: the labels join the default section at the index, not a new section.</summary>
            private readonly bool _intoDefault;

            /// <summary>With <see cref="FixAction.AsToday"/> in a switch expression: the discard arm's expression, which the new arm repeats.</summary>
            private readonly ExpressionSyntax? _todayResult;
            private readonly bool _orPatterns;
            private readonly List<long> _codes;

            /// <summary>Where the missing codes go today, in the words of the titles.</summary>
            private readonly string _today;

            /// <summary>What the place they reach today does with them, where the analyzer knows: Retry or GiveUp.</summary>
            private readonly string? _reached;

            /// <summary>What the handler does with its codes, where the analyzer knows: Retry or GiveUp.</summary>
            private readonly string? _handlerDoes;

            private Plan(SyntaxNode switchNode, INamedTypeSymbol enumType, ITypeSymbol? notImplemented, string[] members, int index, FixAction action, bool orPatterns, bool intoDefault, ExpressionSyntax? todayResult, string today, string? reached, string? handlerDoes)
            {
                _today = today;
                _reached = reached;
                _handlerDoes = handlerDoes;
                _intoDefault = intoDefault;
                _todayResult = todayResult;
                _codes = new List<long>(members.Length);
                foreach (var member in members)
                {
                    if (IntegralConstants.TryGetMemberValue(enumType, member, out var code))
                    {
                        _codes.Add(code);
                    }
                }

                Switch = switchNode;
                _enumType = enumType;
                _notImplemented = notImplemented;
                _members = members;
                _index = index;
                _action = action;
                _orPatterns = orPatterns;
            }

            internal SyntaxNode Switch { get; }

            /// <summary>
            /// What the program will do afterwards, and instead of what, in the words of the message where the analyzer knows
            /// what the branches do: "Retry 451, 452 like MailboxBusy, in its case, instead of giving up on them in default";
            /// "Throw NotImplementedException for 451, 452, in a new case, instead of in default".
            /// </summary>
            internal string Title()
            {
                var statement = Switch as SwitchStatementSyntax;
                var branch = statement is null ? "arm" : "case";
                var codes = FixTitles.Codes(_codes);
                var today = FixTitles.Doing(_reached) is { } doing ? doing + " " + _today : _today;
                switch (_action)
                {
                    case FixAction.NewCase:
                        return $"Throw NotImplementedException for {codes}, in a new {branch}, instead of {today}";
                    case FixAction.AsToday:
                        var does = FixTitles.Does(_reached) ?? "handles them";
                        return statement is null ? $"List {codes} in a new arm that gives what the _ arm gives them today (no change in behaviour)"
                            : _intoDefault ? $"List {codes} in the default case, which {does} today (no change in behaviour)"
                            : $"List {codes} in a new case that leaves the switch, as they do today (no change in behaviour)";
                }

                var handler = statement is not null
                    ? FixTitles.Name(statement.Sections[_index].Labels[0])
                    : FixTitles.Name(((SwitchExpressionSyntax)Switch).Arms[_index].Pattern);
                return $"{FixTitles.Verb(_handlerDoes)} {codes} like {handler}, in its {branch}, instead of {today}";
            }

            /// <summary>
            /// Where the missing codes go now in a switch statement: a catch-all case (which C# tries before <c>default</c>,
            /// wherever each stands), the default, or past the switch.
            /// </summary>
            private static string Today(SwitchStatementSyntax statement, CatchAll isCatchAll)
            {
                var hasDefault = false;
                foreach (var section in statement.Sections)
                {
                    foreach (var label in section.Labels)
                    {
                        if (label is CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel && isCatchAll(patternLabel.Pattern))
                        {
                            return "in the catch-all case";
                        }

                        hasDefault |= label is DefaultSwitchLabelSyntax;
                    }
                }

                return hasDefault ? "in default" : "skipping the switch";
            }

            /// <summary>Where the missing codes go now in a switch expression: its discard or catch-all arm, or an exception.</summary>
            private static string Today(SwitchExpressionSyntax expression, CatchAll isCatchAll)
            {
                foreach (var arm in expression.Arms)
                {
                    if (arm.WhenClause is null && isCatchAll(arm.Pattern))
                    {
                        return arm.Pattern is DiscardPatternSyntax ? "in the _ arm" : "in the catch-all arm";
                    }
                }

                return "throwing SwitchExpressionException";
            }

            /// <summary>Whether a pattern without a guard receives every code: the analyzer's reading, from the pattern's operation.</summary>
            private delegate bool CatchAll(PatternSyntax pattern);

            private static CatchAll CatchAllOf(SemanticModel model, INamedTypeSymbol enumType, CancellationToken cancellationToken) =>
                pattern =>
                {
                    // C# binds no node for parentheses: the operation is the inner pattern's.
                    while (pattern is ParenthesizedPatternSyntax parenthesized)
                    {
                        pattern = parenthesized.Pattern;
                    }

                    return model.GetOperation(pattern, cancellationToken) is IPatternOperation operation && PatternValues.IsCatchAll(operation, enumType);
                };

            internal static Plan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, FixAction action, CancellationToken cancellationToken)
            {
                var toHandler = action == FixAction.ToHandler;
                if (diagnostic.AdditionalLocations.Count == 0
                    || !diagnostic.Properties.TryGetValue(SwitchCompletenessProperties.MissingMembers, out var joined)
                    || string.IsNullOrEmpty(joined)
                    || !diagnostic.Properties.TryGetValue(toHandler ? SwitchCompletenessProperties.HandlerIndex : SwitchCompletenessProperties.InsertIndex, out var indexText)
                    || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                var span = diagnostic.AdditionalLocations[0].SourceSpan;
                if (span.End > root.FullSpan.End)
                {
                    return null;
                }

                SyntaxNode? switchNode = null;
                ExpressionSyntax governing;
                int count;
                foreach (var node in root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf())
                {
                    if (node.Span == span && (node is SwitchStatementSyntax || node is SwitchExpressionSyntax))
                    {
                        switchNode = node;
                        break;
                    }
                }

                switch (switchNode)
                {
                    case SwitchStatementSyntax statement:
                        governing = statement.Expression;
                        count = statement.Sections.Count;
                        break;
                    case SwitchExpressionSyntax expression:
                        governing = expression.GoverningExpression;
                        count = expression.Arms.Count;
                        break;
                    default:
                        return null;
                }

                var orPatterns = ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp9;
                if (toHandler ? index >= count || (switchNode is SwitchExpressionSyntax && !orPatterns) : index > count)
                {
                    return null;
                }

                var type = model.GetTypeInfo(governing, cancellationToken).Type;
                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                {
                    type = nullable.TypeArguments[0];
                }

                if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                {
                    return null;
                }

                var members = joined!.Split(',');
                foreach (var member in members)
                {
                    if (enumType.GetMembers(member).Length == 0)
                    {
                        return null;
                    }
                }

                var isCatchAll = CatchAllOf(model, enumType, cancellationToken);
                var intoDefault = false;
                ExpressionSyntax? todayResult = null;
                if (action == FixAction.AsToday && !TryFindToday(switchNode, isCatchAll, ref index, out intoDefault, out todayResult))
                {
                    return null;
                }

                var today = switchNode is SwitchStatementSyntax switchStatement ? Today(switchStatement, isCatchAll) : Today((SwitchExpressionSyntax)switchNode, isCatchAll);
                var notImplemented = model.Compilation.GetTypeByMetadataName("System.NotImplementedException");
                diagnostic.Properties.TryGetValue(SwitchCompletenessProperties.ReachedIntent, out var reached);
                diagnostic.Properties.TryGetValue(SwitchCompletenessProperties.HandlerIntent, out var handlerDoes);
                return new Plan(switchNode, enumType, notImplemented, members, index, action, orPatterns, intoDefault, todayResult, today, reached, handlerDoes);
            }

            /// <summary>
            /// Where the missing codes go today, when that place can list them without changing what runs: the default
            /// section (its labels grow), nothing in a statement without default (a new section that breaks), the discard arm
            /// (a new arm with a copy of its expression, which reads no pattern variable). Not where a catch-all pattern
            /// (<c>case var other:</c>, <c>case { }:</c>, <c>SmtpStatusCode other =&gt;</c>: any the analyzer reads as one) receives them, nor in a switch expression without one;
            /// and only where every guarded branch that tests a missing code comes first (the insertion index says where
            /// that is).
            /// </summary>
            private static bool TryFindToday(SyntaxNode switchNode, CatchAll isCatchAll, ref int index, out bool intoDefault, out ExpressionSyntax? todayResult)
            {
                intoDefault = false;
                todayResult = null;
                if (switchNode is SwitchStatementSyntax statement)
                {
                    var defaultIndex = -1;
                    for (var i = 0; i < statement.Sections.Count; i++)
                    {
                        foreach (var label in statement.Sections[i].Labels)
                        {
                            if (label is CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel && isCatchAll(patternLabel.Pattern))
                            {
                                return false;
                            }

                            if (label is DefaultSwitchLabelSyntax)
                            {
                                defaultIndex = i;
                            }
                        }
                    }

                    if (defaultIndex < 0)
                    {
                        return true;
                    }

                    if (index > defaultIndex)
                    {
                        return false;
                    }

                    index = defaultIndex;
                    intoDefault = true;
                    return true;
                }

                var arms = ((SwitchExpressionSyntax)switchNode).Arms;
                for (var i = 0; i < arms.Count; i++)
                {
                    if (arms[i].WhenClause is null && isCatchAll(arms[i].Pattern))
                    {
                        todayResult = arms[i].Pattern is DiscardPatternSyntax && index <= i ? arms[i].Expression : null;
                        return todayResult is not null;
                    }
                }

                return false;
            }

            internal SyntaxNode Apply(SyntaxNode current, SyntaxGenerator generator)
            {
                switch (current)
                {
                    case SwitchStatementSyntax statement when (_action == FixAction.ToHandler || _intoDefault) && _index < statement.Sections.Count:
                        return statement.WithSections(statement.Sections.Replace(statement.Sections[_index], GrowSection(statement.Sections[_index], generator)));
                    case SwitchStatementSyntax statement when _action != FixAction.ToHandler && _index <= statement.Sections.Count:
                        return statement.WithSections(statement.Sections.Insert(_index, NewSection(generator)));
                    case SwitchExpressionSyntax expression when _action == FixAction.ToHandler && _index < expression.Arms.Count:
                        var arm = expression.Arms[_index];
                        return expression.WithArms(expression.Arms.Replace(arm, arm.WithPattern(Or(arm.Pattern.WithoutTrivia(), generator).WithTriviaFrom(arm.Pattern))));
                    case SwitchExpressionSyntax expression when _action != FixAction.ToHandler && _index <= expression.Arms.Count:
                        return expression.WithArms(InsertArms(expression, generator));
                    default:
                        return current;
                }
            }

            /// <summary>
            /// <c>global::System.Net.Mail.SmtpStatusCode.MailboxBusy</c>, for the simplifier to shorten as the usings allow.
            /// Parsed rather than built from a type syntax, so that what stays qualified is the member access chain the
            /// parser itself makes of it.
            /// </summary>
            private ExpressionSyntax Member(SyntaxGenerator generator, string name)
            {
                var type = SyntaxFactory.ParseExpression(_enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                var identifier = SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None
                    ? SyntaxFactory.IdentifierName(name)
                    : SyntaxFactory.IdentifierName(SyntaxFactory.VerbatimIdentifier(default, "@" + name, name, default));
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, identifier)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
            }

            private ExpressionSyntax NotImplemented(SyntaxGenerator generator)
            {
                var type = _notImplemented is null
                    ? SyntaxFactory.ParseTypeName("System.NotImplementedException")
                    : (TypeSyntax)generator.TypeExpression(_notImplemented);
                return SyntaxFactory.ObjectCreationExpression(type.WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(SyntaxFactory.ArgumentList());
            }

            /// <summary>The section's <c>or</c> pattern grows where it is its only label; otherwise one label per code.</summary>
            private SwitchSectionSyntax GrowSection(SwitchSectionSyntax section, SyntaxGenerator generator)
            {
                if (_orPatterns
                    && section.Labels.Count == 1
                    && section.Labels[0] is CasePatternSwitchLabelSyntax { WhenClause: null, Pattern: BinaryPatternSyntax or } label
                    && or.IsKind(SyntaxKind.OrPattern))
                {
                    return section.ReplaceNode(label, label.WithPattern(Or(or.WithoutTrivia(), generator).WithTriviaFrom(or)));
                }

                var labels = new List<SwitchLabelSyntax>(_members.Length);
                foreach (var member in _members)
                {
                    labels.Add(SyntaxFactory.CaseSwitchLabel(Member(generator, member)).WithAdditionalAnnotations(Formatter.Annotation));
                }

                if (_intoDefault)
                {
                    // Before `default:`, where a reader looks for what the default receives.
                    for (var i = 0; i < section.Labels.Count; i++)
                    {
                        if (section.Labels[i] is DefaultSwitchLabelSyntax)
                        {
                            // A comment above `default:` now stands above the first listed code: it said what comes next.
                            var defaultLabel = section.Labels[i];
                            labels[0] = labels[0].WithLeadingTrivia(defaultLabel.GetLeadingTrivia());
                            var grown = section.Labels.Replace(defaultLabel, defaultLabel.WithLeadingTrivia(Indentation(defaultLabel.GetLeadingTrivia())));
                            return section.WithLabels(grown.InsertRange(i, labels));
                        }
                    }
                }

                return section.WithLabels(section.Labels.AddRange(labels));
            }

            private PatternSyntax Or(PatternSyntax existing, SyntaxGenerator generator)
            {
                var pattern = existing;
                foreach (var member in _members)
                {
                    pattern = SyntaxFactory.BinaryPattern(SyntaxKind.OrPattern, pattern, SyntaxFactory.ConstantPattern(Member(generator, member)));
                }

                return pattern.WithAdditionalAnnotations(Formatter.Annotation);
            }

            /// <summary>One label per code: the form every language version compiles, and the usual one for a statement.</summary>
            private SwitchSectionSyntax NewSection(SyntaxGenerator generator)
            {
                var labels = new List<SwitchLabelSyntax>(_members.Length);
                foreach (var member in _members)
                {
                    labels.Add(SyntaxFactory.CaseSwitchLabel(Member(generator, member)));
                }

                StatementSyntax body = _action == FixAction.AsToday ? SyntaxFactory.BreakStatement() : SyntaxFactory.ThrowStatement(NotImplemented(generator));
                return SyntaxFactory.SwitchSection(SyntaxFactory.List(labels), SyntaxFactory.SingletonList(body))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            /// <summary>One arm with an <c>or</c> pattern from C# 9 on; one arm per code before it.</summary>
            private SeparatedSyntaxList<SwitchExpressionArmSyntax> InsertArms(SwitchExpressionSyntax expression, SyntaxGenerator generator)
            {
                var newArms = new List<SwitchExpressionArmSyntax>();
                if (_orPatterns)
                {
                    PatternSyntax pattern = SyntaxFactory.ConstantPattern(Member(generator, _members[0]));
                    for (var index = 1; index < _members.Length; index++)
                    {
                        pattern = SyntaxFactory.BinaryPattern(SyntaxKind.OrPattern, pattern, SyntaxFactory.ConstantPattern(Member(generator, _members[index])));
                    }

                    newArms.Add(Arm(pattern, generator));
                }
                else
                {
                    foreach (var member in _members)
                    {
                        newArms.Add(Arm(SyntaxFactory.ConstantPattern(Member(generator, member)), generator));
                    }
                }

                return InsertArms(expression.Arms, _index, newArms);
            }

            private SwitchExpressionArmSyntax Arm(PatternSyntax pattern, SyntaxGenerator generator) =>
                SyntaxFactory.SwitchExpressionArm(pattern, _todayResult?.WithoutTrivia() ?? SyntaxFactory.ThrowExpression(NotImplemented(generator)))
                    .WithAdditionalAnnotations(Formatter.Annotation);

            /// <summary>
            /// Inserts arms with the layout of their neighbours: the indentation of the arm they take the place of, and
            /// separators that end the line as the existing ones do.
            /// </summary>
            private static SeparatedSyntaxList<SwitchExpressionArmSyntax> InsertArms(SeparatedSyntaxList<SwitchExpressionArmSyntax> arms, int index, List<SwitchExpressionArmSyntax> newArms)
            {
                var items = new List<SyntaxNodeOrToken>();
                var existing = arms.GetWithSeparators();
                if (arms.Count == 0)
                {
                    for (var i = 0; i < newArms.Count; i++)
                    {
                        items.Add(newArms[i]);
                        items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken));
                    }

                    return SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items);
                }

                var separatorTrailing = arms.SeparatorCount > 0 ? arms.GetSeparator(0).TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed);
                var leading = Indentation(arms[index < arms.Count ? index : arms.Count - 1].GetLeadingTrivia());
                var separator = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CommaToken, separatorTrailing);

                if (index < arms.Count)
                {
                    // Before an existing arm: each new arm and its comma take that arm's indentation and line end.
                    for (var i = 0; i < existing.Count; i++)
                    {
                        if (existing[i].IsNode && existing[i].AsNode() == arms[index])
                        {
                            foreach (var arm in newArms)
                            {
                                items.Add(arm.WithLeadingTrivia(leading));
                                items.Add(separator);
                            }
                        }

                        items.Add(existing[i]);
                    }

                    return SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items);
                }

                // At the end: a trailing comma stays trailing; without one, the last arm's line end moves after the new arms.
                var hasTrailingSeparator = arms.SeparatorCount == arms.Count;
                for (var i = 0; i < existing.Count; i++)
                {
                    items.Add(existing[i]);
                }

                var last = arms[arms.Count - 1];
                var lastTrailing = last.GetTrailingTrivia();
                if (!hasTrailingSeparator)
                {
                    items[items.Count - 1] = last.WithoutTrailingTrivia();
                    items.Add(separator);
                }

                for (var i = 0; i < newArms.Count; i++)
                {
                    var arm = newArms[i].WithLeadingTrivia(leading);
                    if (hasTrailingSeparator || i < newArms.Count - 1)
                    {
                        items.Add(arm);
                        items.Add(hasTrailingSeparator && i == newArms.Count - 1 ? SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CommaToken, arms.GetSeparator(arms.SeparatorCount - 1).TrailingTrivia) : separator);
                    }
                    else
                    {
                        items.Add(arm.WithTrailingTrivia(lastTrailing));
                    }
                }

                return SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items);
            }

            /// <summary>The whitespace that starts an arm's line, without the comments or blank lines above it.</summary>
            private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
            {
                var start = leading.Count;
                while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    start--;
                }

                var indentation = new List<SyntaxTrivia>(leading.Count - start);
                for (var i = start; i < leading.Count; i++)
                {
                    indentation.Add(leading[i]);
                }

                return SyntaxFactory.TriviaList(indentation);
            }
        }
    }
}
