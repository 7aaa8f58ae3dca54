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
    /// SMTP007, where no code is named: a retry that lets permanent (5yz) failures through because it never asks the
    /// exception for its status. A <c>catch</c> of a status exception whose block retries and whose filter admits a
    /// permanent code; a <c>catch (Exception)</c> that retries around an SMTP client's send; a Polly 7 or 8 retry that
    /// handles a status exception with a predicate admitting a permanent code. Reported on the <c>catch</c> keyword or on
    /// the <c>Handle&lt;T&gt;</c>/<c>Or&lt;T&gt;</c> name.
    /// </summary>
    internal sealed class RetryWithoutStatusRule : StatusRule
    {
        internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP007_PermanentFailureRetried);

        internal override void Start(RuleStart start)
        {
            if (start.Exceptions is not { } exceptions)
            {
                return;
            }

            var analysis = new Analysis(exceptions, SmtpSenders.Create(start.Compilation, start.Catalog, exceptions), PollyTypes.Create(start.Compilation, start.Catalog));

            // Syntax kinds, each rejected from its syntax before the semantic model is asked (docs/performance.md).
            start.Register(analysis.AnalyzeCatch, SyntaxKind.CatchClause);
            if (analysis.HasPolly)
            {
                start.Register(analysis.AnalyzePolly, SyntaxKind.InvocationExpression);
            }
        }

        /// <summary>How a caught exception is used in a catch's filter and block, read from the syntax.</summary>
        [System.Flags]
        private enum Uses
        {
            None = 0,

            /// <summary><c>ex.StatusCode</c>, <c>ex.Response</c>: the status is read.</summary>
            ReadsStatus = 1,

            /// <summary><c>ex is T</c>, <c>ex as T</c>, <c>(T)ex</c>, <c>ex.GetType()</c>, a switch on it: the type is tested.</summary>
            TestsType = 2,

            /// <summary>An argument of a call other than logging, stored, returned: other code may read the status.</summary>
            HandsOn = 4,
        }

        private sealed class Analysis
        {
            private readonly StatusExceptionCatalog _exceptions;
            private readonly SmtpSenders? _senders;
            private readonly PollyTypes? _polly;

            internal Analysis(StatusExceptionCatalog exceptions, SmtpSenders? senders, PollyTypes? polly)
            {
                _exceptions = exceptions;
                _senders = senders;
                _polly = polly;
            }

            internal bool HasPolly => _polly is not null;

            internal void AnalyzeCatch(SyntaxNodeAnalysisContext context)
            {
                var catchClause = (CatchClauseSyntax)context.Node;
                var name = catchClause.Declaration?.Identifier.ValueText ?? string.Empty;

                // From the syntax: the block retries, and neither it nor the filter reads the status or hands the exception on.
                if (catchClause.Block.Statements.Count == 0
                    || BranchIntent.Of(catchClause.Block.Statements, IntentSite.ForCatch(catchClause)) != FailureIntent.Retry)
                {
                    return;
                }

                var blockUses = name.Length == 0 ? Uses.None : UsesOf(catchClause.Block, name);
                if ((blockUses & (Uses.ReadsStatus | Uses.HandsOn)) != 0)
                {
                    return;
                }

                var model = context.SemanticModel;
                var cancellationToken = context.CancellationToken;
                var caughtType = catchClause.Declaration is { } declaration
                    ? model.GetTypeInfo(declaration.Type, cancellationToken).Type
                    : model.Compilation.GetSpecialType(SpecialType.System_Object);
                if (caughtType is null || caughtType.TypeKind == TypeKind.Error)
                {
                    return;
                }

                var exception = catchClause.Declaration is { } named && name.Length > 0 ? model.GetDeclaredSymbol(named, cancellationToken) : null;
                if (_exceptions.TryGet(caughtType, out var statusException))
                {
                    var filter = catchClause.Filter is { } when ? model.GetOperation(when.FilterExpression, cancellationToken) : null;
                    var admission = StatusAdmission.OfPermanentCodes(filter, exception, statusException, cancellationToken);
                    if (admission.Kind != AdmissionKind.Permanent)
                    {
                        return;
                    }

                    var what = catchClause.Filter is null
                        ? $"The catch of '{caughtType.Name}' retries without reading the status"
                        : admission.TestsStatus
                            ? $"The catch of '{caughtType.Name}' retries the permanent codes its filter admits, '{admission.Example!.Name}' ({admission.Example.Value}) among them"
                            : $"The catch of '{caughtType.Name}' retries whatever the status (its filter does not test it)";
                    Report(context, catchClause.CatchKeyword.GetLocation(), Shape.Catch, statusException, what);
                    return;
                }

                // A base type (Exception) around a direct send of an SMTP client.
                if (_senders is null
                    || (blockUses & Uses.TestsType) != 0
                    || (catchClause.Filter is { } baseFilter && name.Length > 0 && UsesOf(baseFilter, name) != Uses.None)
                    || catchClause.Parent is not TryStatementSyntax tryStatement
                    || FirstSend(tryStatement.Block, model, cancellationToken) is not { } send
                    || !IsBaseOf(caughtType, send.Exception.Type)
                    || !SomePermanentFailureReaches(tryStatement, catchClause, send.Exception, model, cancellationToken))
                {
                    return;
                }

                Report(
                    context,
                    catchClause.CatchKeyword.GetLocation(),
                    Shape.BaseCatch,
                    send.Exception,
                    $"The catch of '{caughtType.Name}' around '{send.Method.ContainingType.Name}.{send.Method.Name}' retries without testing the exception's type or status");
            }

            internal void AnalyzePolly(SyntaxNodeAnalysisContext context)
            {
                // Handle<T>(…) / Or<T>(…) as written, then a Retry* call up its chain (Polly 7) or an assignment to ShouldHandle (Polly 8).
                var invocation = (InvocationExpressionSyntax)context.Node;
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } handleName }
                    || handleName.Identifier.ValueText is not ("Handle" or "Or"))
                {
                    return;
                }

                SyntaxNode top = invocation;
                InvocationExpressionSyntax? retry = null;
                while (top.Parent is MemberAccessExpressionSyntax access && access.Expression == top && access.Parent is InvocationExpressionSyntax next)
                {
                    if (PollyTypes.IsRetryName(access.Name.Identifier.ValueText))
                    {
                        retry = next;
                        break;
                    }

                    top = next;
                }

                AssignmentExpressionSyntax? shouldHandle = null;
                if (retry is null)
                {
                    while (top.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
                    {
                        top = top.Parent;
                    }

                    if (top.Parent is not AssignmentExpressionSyntax { Left: var left } assignment
                        || assignment.Right != top
                        || (left switch { IdentifierNameSyntax id => id.Identifier.ValueText, MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText, _ => null }) != "ShouldHandle")
                    {
                        return;
                    }

                    shouldHandle = assignment;
                }

                var model = context.SemanticModel;
                var cancellationToken = context.CancellationToken;
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol handle
                    || handle.TypeArguments.Length != 1
                    || !_exceptions.TryGet(handle.TypeArguments[0], out var statusException)
                    || !(retry is not null
                        ? _polly!.IsPolicyBuilder(handle.ContainingType) && IsPollyRetry(model.GetSymbolInfo(retry, cancellationToken))
                        : _polly!.IsPredicateBuilder(handle.ContainingType) && model.GetSymbolInfo(shouldHandle!.Left, cancellationToken).Symbol is IPropertySymbol property && _polly.IsRetryOptions(property.ContainingType)))
                {
                    return;
                }

                Admission admission;
                var arguments = invocation.ArgumentList.Arguments;
                if (arguments.Count == 0)
                {
                    admission = StatusAdmission.OfPermanentCodes(null, null, statusException, cancellationToken);
                }
                else if (arguments.Count == 1
                    && StripDelegateCreation(model.GetOperation(arguments[0].Expression, cancellationToken)) is IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda
                    && lambda.Body.Operations.Length == 1
                    && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
                {
                    admission = StatusAdmission.OfPermanentCodes(returned, lambda.Symbol.Parameters[0], statusException, cancellationToken);
                }
                else
                {
                    // A method group, a lambda with statements: the predicate is judged where it is written.
                    return;
                }

                if (admission.Kind != AdmissionKind.Permanent)
                {
                    return;
                }

                var shown = handleName.Identifier.ValueText + "<" + handle.TypeArguments[0].Name + ">";
                var what = arguments.Count == 0
                    ? $"'{shown}' retries every status"
                    : admission.TestsStatus
                        ? $"'{shown}' retries the permanent codes its predicate admits, '{admission.Example!.Name}' ({admission.Example.Value}) among them"
                        : $"'{shown}' retries whatever the status (its predicate does not test it)";
                Report(context, handleName.GetLocation(), Shape.Polly, statusException, what);
            }

            /// <summary>
            /// The retry call resolves to Polly's, or, where an argument does not bind (a backoff helper of a package the
            /// project lacks, a setting of a type with errors), every candidate is Polly's: the chain is Polly's either way.
            /// </summary>
            private static bool IsPollyRetry(SymbolInfo info)
            {
                if (info.Symbol is IMethodSymbol method)
                {
                    return PollyTypes.IsPolly(method);
                }

                if (info.CandidateSymbols.IsEmpty)
                {
                    return false;
                }

                foreach (var candidate in info.CandidateSymbols)
                {
                    if (candidate is not IMethodSymbol candidateMethod || !PollyTypes.IsPolly(candidateMethod))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static IOperation? StripDelegateCreation(IOperation? operation)
            {
                while (operation is IDelegateCreationOperation or IConversionOperation)
                {
                    operation = operation is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)operation).Operand;
                }

                return operation;
            }

            private static void Report(SyntaxNodeAnalysisContext context, Location location, string shape, StatusException statusException, string what)
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(RetryWithoutStatusProperties.Shape, shape)
                    .Add(RetryWithoutStatusProperties.ExceptionType, MetadataName(statusException.Type))
                    .Add(RetryWithoutStatusProperties.StatusPath, statusException.StatusPath)
                    .Add(RetryWithoutStatusProperties.EnumType, statusException.StatusEnum.MetadataName);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP007_PermanentFailureRetried, location, properties, what));
            }

            private static string MetadataName(INamedTypeSymbol type) =>
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

            /// <summary>The first call of an SMTP client's send in the try block, not counting lambdas and local functions (they run elsewhere).</summary>
            private (IMethodSymbol Method, StatusException Exception)? FirstSend(BlockSyntax tryBlock, SemanticModel model, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var node in tryBlock.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
                {
                    if (node is InvocationExpressionSyntax invocation
                        && InvokedName(invocation) is { } invoked
                        && invoked.StartsWith("Send", System.StringComparison.Ordinal)
                        && SendMethod(model.GetSymbolInfo(invocation, cancellationToken), out var method, out var statusException))
                    {
                        return (method, statusException);
                    }
                }

                return null;
            }

            /// <summary>The send a call resolves to; where an argument does not bind, its one candidate.</summary>
            private bool SendMethod(SymbolInfo info, out IMethodSymbol method, out StatusException statusException)
            {
                method = (info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) as IMethodSymbol ?? null!;
                statusException = null!;
                return method is not null && _senders!.IsSend(method, out statusException);
            }

            /// <summary>
            /// Whether some permanent code of <paramref name="statusException"/> passes every earlier catch of the try
            /// statement that could take it: each such catch has a filter that this code certainly fails.
            /// </summary>
            private bool SomePermanentFailureReaches(TryStatementSyntax tryStatement, CatchClauseSyntax catchClause, StatusException statusException, SemanticModel model, System.Threading.CancellationToken cancellationToken)
            {
                var earlier = ImmutableArray.CreateBuilder<(IOperation? Filter, ISymbol? Exception)>();
                foreach (var other in tryStatement.Catches)
                {
                    if (other == catchClause)
                    {
                        break;
                    }

                    var type = other.Declaration is { } declaration ? model.GetTypeInfo(declaration.Type, cancellationToken).Type : model.Compilation.GetSpecialType(SpecialType.System_Object);
                    if (type is not null && IsBaseOf(type, statusException.Type))
                    {
                        earlier.Add((
                            other.Filter is { } filter ? model.GetOperation(filter.FilterExpression, cancellationToken) : null,
                            other.Declaration is { } named && named.Identifier.ValueText.Length > 0 ? model.GetDeclaredSymbol(named, cancellationToken) : null));
                    }
                }

                foreach (var names in statusException.StatusEnum.PermanentValues)
                {
                    var value = names[0].Value;
                    if (SmtpReplyCodes.IsAuthentication(value))
                    {
                        continue;
                    }

                    var reaches = true;
                    foreach (var (filter, exception) in earlier)
                    {
                        if (StatusAdmission.Passes(filter, exception, statusException, value) != false)
                        {
                            reaches = false;
                            break;
                        }
                    }

                    if (reaches)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether <paramref name="type"/> is <paramref name="derived"/> or one of its base types.</summary>
            private static bool IsBaseOf(ITypeSymbol type, ITypeSymbol derived)
            {
                for (var current = derived; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>How the syntax under <paramref name="scope"/> uses the local named <paramref name="name"/>.</summary>
            private static Uses UsesOf(SyntaxNode scope, string name)
            {
                var uses = Uses.None;
                foreach (var node in scope.DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    SyntaxNode used = identifier;
                    while (used.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
                    {
                        used = used.Parent;
                    }

                    switch (used.Parent)
                    {
                        case MemberAccessExpressionSyntax access when access.Expression == used:
                            var member = access.Name.Identifier.ValueText;
                            if (IsStatusMember(member))
                            {
                                uses |= Uses.ReadsStatus;
                            }
                            else if (member == "GetType")
                            {
                                uses |= Uses.TestsType;
                            }

                            break;
                        case ConditionalAccessExpressionSyntax conditional when conditional.Expression == used:
                            if (conditional.WhenNotNull is MemberBindingExpressionSyntax binding && IsStatusMember(binding.Name.Identifier.ValueText))
                            {
                                uses |= Uses.ReadsStatus;
                            }

                            break;
                        case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } when IsLogging(call):
                        case InterpolationSyntax:
                            break;
                        case ArgumentSyntax:
                        case AssignmentExpressionSyntax assignment when assignment.Right == used:
                        case EqualsValueClauseSyntax:
                        case ReturnStatementSyntax:
                        case ArrowExpressionClauseSyntax:
                        case InitializerExpressionSyntax:
                            uses |= Uses.HandsOn;
                            break;
                        case BinaryExpressionSyntax binary when binary.Left == used && (binary.IsKind(SyntaxKind.IsExpression) || binary.IsKind(SyntaxKind.AsExpression)):
                        case IsPatternExpressionSyntax:
                        case CastExpressionSyntax:
                        case SwitchStatementSyntax:
                        case SwitchExpressionSyntax:
                            uses |= Uses.TestsType;
                            break;
                    }
                }

                return uses;
            }

            private static bool IsStatusMember(string member)
            {
                foreach (var (_, path) in StatusExceptionCatalog.WellKnown)
                {
                    var dot = path.IndexOf('.');
                    if (member == (dot < 0 ? path : path.Substring(0, dot)))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>A call that only writes the exception somewhere for a person (<see cref="IntentNames.IsLogging"/>).</summary>
            private static bool IsLogging(InvocationExpressionSyntax call)
            {
                var receiver = call.Expression is MemberAccessExpressionSyntax access
                    ? access.Expression switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        _ => null,
                    }
                    : null;
                return InvokedName(call) is { } invoked && IntentNames.IsLogging(invoked, receiver);
            }

            private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
        }

        /// <summary>The shapes SMTP007 reports here, handed to the fixer in <see cref="RetryWithoutStatusProperties.Shape"/>.</summary>
        private static class Shape
        {
            internal const string Catch = RetryWithoutStatusProperties.CatchShape;
            internal const string BaseCatch = RetryWithoutStatusProperties.BaseCatchShape;
            internal const string Polly = RetryWithoutStatusProperties.PollyShape;
        }
    }
}
