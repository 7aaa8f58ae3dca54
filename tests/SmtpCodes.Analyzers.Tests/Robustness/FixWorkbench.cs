using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Knowledge;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// A <see cref="SourceCase"/> in an AdhocWorkspace, where the package's code fixes are applied the way the IDE
    /// applies them (RegisterCodeFixesAsync, CodeAction.GetOperationsAsync, ApplyChangesOperation; Fix All through
    /// the provider's FixAllProvider) and the result is checked: it parses, has no new compiler error, and every
    /// constant the code compared or converted keeps its value.
    /// </summary>
    public sealed class FixWorkbench : IDisposable
    {
        private readonly AdhocWorkspace _workspace;

        private FixWorkbench(AdhocWorkspace workspace, SourceCase source, Solution solution, ProjectId projectId, ImmutableArray<DocumentId> userDocuments)
        {
            _workspace = workspace;
            Source = source;
            Original = solution;
            ProjectId = projectId;
            UserDocuments = userDocuments;
            Options = RobustnessHarness.AnalyzerOptions(source);
            _originalErrors = new Lazy<Task<List<Diagnostic>>>(() => ErrorsAsync(Original, CancellationToken.None));
        }

        private readonly Lazy<Task<List<Diagnostic>>> _originalErrors;

        public SourceCase Source { get; }

        public Solution Original { get; }

        public ProjectId ProjectId { get; }

        public ImmutableArray<DocumentId> UserDocuments { get; }

        public AnalyzerOptions Options { get; }

        public static async Task<FixWorkbench> CreateAsync(SourceCase source)
        {
            var references = await RobustnessHarness.ReferencesAsync().ConfigureAwait(false);
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("Robustness");
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Robustness",
                "Robustness",
                LanguageNames.CSharp,
                compilationOptions: RobustnessHarness.CompilationOptions(RobustnessHarness.HasTopLevelStatements(RobustnessHarness.Parse(source))),
                parseOptions: RobustnessHarness.ParseOptions(source),
                metadataReferences: references));
            var userDocuments = ImmutableArray.CreateBuilder<DocumentId>();
            foreach (var document in source.Documents)
            {
                var id = DocumentId.CreateNewId(projectId, document.Path);
                solution = solution.AddDocument(id, document.Path, SourceText.From(document.Text, Encoding.UTF8), filePath: RobustnessHarness.PathOf(document));
                if (document.IsUserCode)
                {
                    userDocuments.Add(id);
                }
            }

            return new FixWorkbench(workspace, source, solution, projectId, userDocuments.ToImmutable());
        }

        public async Task<(Compilation Compilation, AnalysisRun Run)> AnalyzeAsync(Solution solution, CancellationToken cancellationToken = default)
        {
            var compilation = (await solution.GetProject(ProjectId)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            return (compilation, await RobustnessHarness.AnalyzeAsync(compilation, Options, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        /// <summary>The diagnostics in the user's documents that some fixer of the package handles, in document order.</summary>
        public ImmutableArray<Diagnostic> Fixable(Solution solution, AnalysisRun run)
        {
            var paths = UserDocuments.Select(id => solution.GetDocument(id)!.FilePath).ToHashSet(StringComparer.Ordinal);
            return run.Diagnostics
                .Where(d => d.Location.IsInSource && paths.Contains(d.Location.SourceTree!.FilePath) && !SmtpCodesComponents.FixersOf(d.Id).IsEmpty)
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        public Document DocumentOf(Solution solution, Diagnostic diagnostic) =>
            solution.GetProject(ProjectId)!.Documents.Single(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath);

        /// <summary>The code actions every fixer of the package offers for one diagnostic (exceptions propagate: the caller reports them).</summary>
        public async Task<ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)>> ActionsAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken = default)
        {
            var document = DocumentOf(solution, diagnostic);
            var actions = ImmutableArray.CreateBuilder<(CodeFixProvider, CodeAction)>();
            foreach (var fixer in SmtpCodesComponents.FixersOf(diagnostic.Id))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((fixer, action)), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            return actions.ToImmutable();
        }

        public static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken = default)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().ToList();
            if (apply.Count != 1 || operations.Length != 1)
            {
                throw new InvalidOperationException($"'{action.Title}' gave {operations.Length} operations, {apply.Count} of them ApplyChangesOperation.");
            }

            return apply[0].ChangedSolution;
        }

        /// <summary>
        /// Fix All in the project (or <paramref name="scope"/>) for one fixer, rule and equivalence key, through the fixer's own
        /// FixAllProvider; null when the fixer has none (a decision fix) or it offers no action.
        /// </summary>
        public async Task<Solution?> FixAllAsync(Solution solution, CodeFixProvider fixer, string diagnosticId, string? equivalenceKey, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken = default, FixAllScope scope = FixAllScope.Project)
        {
            var provider = fixer.GetFixAllProvider();
            if (provider is null)
            {
                return null;
            }

            var ofRule = diagnostics.Where(d => d.Id == diagnosticId).ToImmutableArray();
            var document = DocumentOf(solution, ofRule[0]);
            var context = new FixAllContext(document, fixer, scope, equivalenceKey, new[] { diagnosticId }, new FixedDiagnosticProvider(ofRule), cancellationToken);
            var action = await provider.GetFixAsync(context).ConfigureAwait(false);
            return action is null ? null : await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Whether <paramref name="action"/> is SMTP006's removal of a text test that repeats a status comparison of its
        /// chain: the one fix that may drop a repeated value (see <see cref="CheckAsync"/>).
        /// </summary>
        public static bool RemovesTextTest(CodeAction action) =>
            action.EquivalenceKey == FixKinds.CompareStatus
            && (action.Title.StartsWith("Remove the text test", StringComparison.Ordinal)
                || action.Title.StartsWith("Decide by the status: keep the comparison", StringComparison.Ordinal));

        /// <summary>
        /// Whether <paramref name="action"/> is SMTP007's or SMTP008's move of a named member to another branch of its switch:
        /// the one fix that reorders values and may drop a branch's body (see <see cref="CheckAsync"/>).
        /// </summary>
        public static bool MovesMember(CodeAction action) =>
            action.EquivalenceKey is FixKinds.MoveToRetryBranch or FixKinds.MoveToGiveUpBranch;

        /// <summary>
        /// What is wrong with <paramref name="after"/> compared with <paramref name="before"/>; empty when the fix is safe.
        /// Every constant keeps its value; only where <paramref name="textTestsMayGo"/> (SMTP006's removal of a text test,
        /// see <see cref="RemovesTextTest"/>, or a bulk run of SMTP006) may a repeat of a value that the code still holds go;
        /// only where <paramref name="memberMoves"/> (see <see cref="MovesMember"/>) may values change places, the body of a
        /// branch left without labels go and a result be repeated, while every reply code (200–599) stays, as often.
        /// </summary>
        public async Task<List<string>> CheckAsync(Solution before, Solution after, CancellationToken cancellationToken = default, bool textTestsMayGo = false, bool memberMoves = false)
        {
            var problems = new List<string>();
            var changed = false;
            foreach (var id in UserDocuments)
            {
                var oldDocument = before.GetDocument(id)!;
                var newDocument = after.GetDocument(id)!;
                var oldText = await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newText = await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (oldText.ContentEquals(newText))
                {
                    continue;
                }

                changed = true;
                var oldModel = (await oldDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var newModel = (await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var oldConstants = Constants(oldModel, cancellationToken);
                var newConstants = Constants(newModel, cancellationToken);
                if (!(oldConstants.Count == newConstants.Count
                    ? oldConstants.SequenceEqual(newConstants) || (memberMoves && MovesOnly(oldConstants, newConstants))
                    : IsSubMultiset(oldConstants, newConstants) || (textTestsMayGo && DropsOnlyRepeats(oldConstants, newConstants)) || (memberMoves && MovesOnly(oldConstants, newConstants))))
                {
                    problems.Add($"{newDocument.Name}: the constants changed value.\n  before: {string.Join(", ", oldConstants)}\n  after:  {string.Join(", ", newConstants)}");
                }
            }

            if (!changed)
            {
                problems.Add("the fix changed nothing");
            }

            var oldErrors = before == Original
                ? await _originalErrors.Value.ConfigureAwait(false)
                : await ErrorsAsync(before, cancellationToken).ConfigureAwait(false);
            var newErrors = await ErrorsAsync(after, cancellationToken).ConfigureAwait(false);
            foreach (var group in newErrors.GroupBy(e => e.Id))
            {
                var was = oldErrors.Count(e => e.Id == group.Key);
                if (group.Count() > was)
                {
                    problems.Add($"new compiler error(s): {string.Join("; ", group.Select(e => e.ToString()))} (before: {was} {group.Key})");
                }
            }

            return problems;
        }

        public async Task<string> TextOfUserDocumentsAsync(Solution solution, CancellationToken cancellationToken = default)
        {
            var builder = new StringBuilder();
            foreach (var id in UserDocuments)
            {
                var document = solution.GetDocument(id)!;
                builder.Append("// ").Append(document.Name).Append('\n');
                builder.Append((await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()).Append('\n');
            }

            return builder.ToString();
        }

        private async Task<List<Diagnostic>> ErrorsAsync(Solution solution, CancellationToken cancellationToken)
        {
            var compilation = (await solution.GetProject(ProjectId)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            return compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        /// <summary>
        /// The value of every outermost constant expression of the document, in document order, integral values and
        /// enum members alike as numbers: <c>550</c>, <c>(SmtpStatusCode)550</c> and <c>SmtpStatusCode.MailboxUnavailable</c>
        /// all read 550, and so does the reply-code text <c>"550"</c> that SMTP006's fix replaces with the member (see
        /// <see cref="TextTests"/>). A fix that writes a member must leave this sequence unchanged; one that adds labels,
        /// copies a body or moves a label into a branch of its own keeps every value, as often.
        /// </summary>
        public static List<string> Constants(SemanticModel model, CancellationToken cancellationToken)
        {
            var values = new List<string>();
            var root = model.SyntaxTree.GetRoot(cancellationToken);
            var (regexPatterns, partsOfTests) = TextTests(model, root, cancellationToken);
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is ExpressionSyntax expression && node.Parent is not UsingDirectiveSyntax && node.Parent is not QualifiedNameSyntax)
                {
                    var constant = model.GetConstantValue(expression, cancellationToken);
                    if (constant.HasValue)
                    {
                        if (!partsOfTests.Contains(node))
                        {
                            // SMTP006's fix turns the reply-code text "550 5.1.1" into the status it names: read such a
                            // text as its code, so the text and the member compare equal.
                            // The text after the code ("5.1.1") stays as a message test: read it as a value of its own.
                            var text = constant.Value as string;
                            var isPattern = text is not null && regexPatterns.Contains(node);
                            if (isPattern)
                            {
                                text = Unanchored(text!);
                            }

                            if (IntegralConstants.TryToInt64(constant.Value, out var number))
                            {
                                values.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            }
                            else if (ReplyCodeText.TryRead(text, isPattern, out number))
                            {
                                values.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                                if (ReplyCodeText.TextAfterCode(text!, isPattern) is { Length: > 0 } rest)
                                {
                                    values.Add("\"" + rest + "\"");
                                }
                            }
                            else
                            {
                                values.Add("\"" + constant.Value + "\"");
                            }
                        }

                        continue;
                    }
                }

                var children = node.ChildNodes().ToList();
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }

            return values;
        }

        /// <summary>
        /// SMTP006's fix replaces a whole text test by one status comparison: <c>text.IndexOf("421") &gt;= 0</c>,
        /// <c>ex.Message.StartsWith("550 ", StringComparison.Ordinal)</c>, <c>Regex.IsMatch(ex.Message, "^554", RegexOptions.None)</c>.
        /// Of such a test only the reply code is a value the fix keeps (read without the regex's <c>^</c>): the regex
        /// patterns that hold a reply code, and the test's other constants (the comparison, the options, the
        /// <c>IndexOf</c> bound), which the fix drops with the test.
        /// </summary>
        private static (HashSet<SyntaxNode> RegexPatterns, HashSet<SyntaxNode> PartsOfTests) TextTests(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
        {
            var regexPatterns = new HashSet<SyntaxNode>();
            var partsOfTests = new HashSet<SyntaxNode>();
            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var isRegex = model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "Regex" } type }
                    && type.ContainingNamespace.ToDisplayString() == "System.Text.RegularExpressions";
                ExpressionSyntax? code = null;
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string text }
                        && ReplyCodeText.TryRead(isRegex ? Unanchored(text) : text, isRegex, out _))
                    {
                        code = argument.Expression;
                        break;
                    }
                }

                if (code is null)
                {
                    continue;
                }

                if (isRegex)
                {
                    regexPatterns.Add(code);
                }

                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression != code)
                    {
                        partsOfTests.Add(argument.Expression);
                    }
                }

                if (invocation.Parent is BinaryExpressionSyntax comparison && comparison.Left == invocation)
                {
                    partsOfTests.Add(comparison.Right);
                }
            }

            return (regexPatterns, partsOfTests);
        }

        private static string Unanchored(string pattern) => pattern.Length > 0 && pattern[0] == '^' ? pattern.Substring(1) : pattern;

        /// <summary>
        /// For fixes that add constants (SMTP002/003 write missing labels; SMTP005 copies a body and moves a label into a
        /// branch of its own): every value of before is still there, as often, in any order.
        /// </summary>
        private static bool IsSubMultiset(List<string> shorter, List<string> longer)
        {
            var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var value in longer)
            {
                remaining[value] = remaining.TryGetValue(value, out var count) ? count + 1 : 1;
            }

            foreach (var value in shorter)
            {
                if (!remaining.TryGetValue(value, out var count) || count == 0)
                {
                    return false;
                }

                remaining[value] = count - 1;
            }

            return true;
        }

        /// <summary>
        /// For SMTP006's fix where another operand of the chain already tests the same status: the text test goes, and with
        /// it one repeat of a value that the code still holds elsewhere.
        /// </summary>
        private static bool DropsOnlyRepeats(List<string> before, List<string> after) =>
            IsSubMultiset(after, before) && before.All(after.Contains);

        /// <summary>
        /// For SMTP007/SMTP008's move: no value that was not there, and every reply code still there as often (a member moved,
        /// not lost); a branch left without labels may take its body's other values with it, and a member that gets what the
        /// discard arm gives repeats the discard's result.
        /// </summary>
        private static bool MovesOnly(List<string> before, List<string> after)
        {
            static List<string> Codes(List<string> values) =>
                values.Where(v => long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 200 && n <= 599)
                    .OrderBy(v => v, StringComparer.Ordinal)
                    .ToList();

            return after.All(before.Contains) && Codes(before).SequenceEqual(Codes(after));
        }

        public void Dispose() => _workspace.Dispose();

        private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            internal FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath == document.FilePath).ToList());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource).ToList());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
