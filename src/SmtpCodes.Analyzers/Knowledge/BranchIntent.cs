using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What a branch does with a failure (rules.md, "What a branch does"), read from its own code and the names it uses,
    /// from syntax alone: a switch section, an arm's result, an <c>if</c>'s branch, a <c>catch</c> block.
    /// Statements that always run decide; statements under an <c>if</c>, a loop or a nested switch only spoil a decision
    /// they contradict (<c>if (n &lt; 3) Requeue(); else MarkFailed();</c> is Unknown). Logging says nothing.
    /// </summary>
    internal static class BranchIntent
    {
        private const int DescribedLength = 60;

        /// <summary>A switch section's statements, a catch block's, an <c>if</c>'s branch.</summary>
        internal static FailureIntent Of(SyntaxList<StatementSyntax> statements, in IntentSite site)
        {
            var signals = default(Signals);
            foreach (var statement in statements)
            {
                Read(statement, site, ref signals, conditional: false);
            }

            if (site.IsCatch && CompletesNormally(statements) && site.Decision.Parent is TryStatementSyntax tryStatement && IsInSendLoop(tryStatement))
            {
                // The catch block ends and the loop sends again: the next attempt.
                signals.Add(FailureIntent.Retry, conditional: false);
            }

            return signals.Result;
        }

        /// <summary>One statement: an <c>if</c>'s branch, a block.</summary>
        internal static FailureIntent Of(StatementSyntax statement, in IntentSite site)
        {
            if (statement is BlockSyntax block)
            {
                return Of(block.Statements, site);
            }

            var signals = default(Signals);
            Read(statement, site, ref signals, conditional: false);
            return signals.Result;
        }

        /// <summary>A switch-expression arm's result, a conditional's, a lambda's.</summary>
        internal static FailureIntent OfResult(ExpressionSyntax result, in IntentSite site)
        {
            var signals = default(Signals);
            ReadValue(result, site, ref signals, conditional: false, isResult: true);
            return signals.Result;
        }

        /// <summary>What a name says: <c>RetryLater</c> retries, <c>Bounced</c> gives up, <c>RetryCount</c> says nothing.</summary>
        internal static FailureIntent OfName(string identifier) => IntentNames.OfName(identifier);

        /// <summary>The branch as written, on one line and shortened, for messages: <c>_ =&gt; Permanent</c>, <c>default: return false;</c>.</summary>
        internal static string Describe(SyntaxNode branch)
        {
            // ToString leaves out the node's outer trivia, as WithoutTrivia would, without building a new node.
            var text = branch.ToString();
            var builder = new StringBuilder(DescribedLength + 1);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
                if (builder.Length >= DescribedLength)
                {
                    return builder.Append('…').ToString();
                }
            }

            return builder.ToString();
        }

        private static void Read(StatementSyntax statement, in IntentSite site, ref Signals signals, bool conditional)
        {
            switch (statement)
            {
                case BlockSyntax block:
                    foreach (var inner in block.Statements)
                    {
                        Read(inner, site, ref signals, conditional);
                    }

                    break;
                case ExpressionStatementSyntax expressionStatement:
                    ReadAction(expressionStatement.Expression, site, ref signals, conditional);
                    break;
                case ReturnStatementSyntax { Expression: { } returned }:
                    ReadValue(returned, site, ref signals, conditional, isResult: true);
                    break;
                case ThrowStatementSyntax throwStatement:
                    ReadThrow(throwStatement, throwStatement.Expression, site, ref signals, conditional);
                    break;
                case ContinueStatementSyntax continueStatement:
                    if (IsInSendLoop(continueStatement))
                    {
                        signals.Add(FailureIntent.Retry, conditional);
                    }

                    break;
                case BreakStatementSyntax breakStatement:
                    // A break out of a send loop (not out of a switch) stops trying.
                    if (BreakTarget(breakStatement) is { } loop && IsSendLoop(loop))
                    {
                        signals.Add(FailureIntent.GiveUp, conditional);
                    }

                    break;
                case LocalDeclarationStatementSyntax declaration:
                    foreach (var declarator in declaration.Declaration.Variables)
                    {
                        if (declarator.Initializer is { } initializer)
                        {
                            ReadAssignment(declarator.Identifier.ValueText, initializer.Value, site, ref signals, conditional);
                        }
                    }

                    break;
                case IfStatementSyntax ifStatement:
                    Read(ifStatement.Statement, site, ref signals, conditional: true);
                    if (ifStatement.Else is { } elseClause)
                    {
                        Read(elseClause.Statement, site, ref signals, conditional: true);
                    }

                    break;
                case TryStatementSyntax tryStatement:
                    Read(tryStatement.Block, site, ref signals, conditional);
                    foreach (var catchClause in tryStatement.Catches)
                    {
                        Read(catchClause.Block, site, ref signals, conditional: true);
                    }

                    if (tryStatement.Finally is { } @finally)
                    {
                        Read(@finally.Block, site, ref signals, conditional);
                    }

                    break;
                case UsingStatementSyntax usingStatement:
                    Read(usingStatement.Statement, site, ref signals, conditional);
                    break;
                case LockStatementSyntax lockStatement:
                    Read(lockStatement.Statement, site, ref signals, conditional);
                    break;
                case CheckedStatementSyntax checkedStatement:
                    Read(checkedStatement.Block, site, ref signals, conditional);
                    break;
                case LabeledStatementSyntax labeled:
                    Read(labeled.Statement, site, ref signals, conditional);
                    break;
                case WhileStatementSyntax whileStatement:
                    Read(whileStatement.Statement, site, ref signals, conditional: true);
                    break;
                case DoStatementSyntax doStatement:
                    Read(doStatement.Statement, site, ref signals, conditional: true);
                    break;
                case ForStatementSyntax forStatement:
                    Read(forStatement.Statement, site, ref signals, conditional: true);
                    break;
                case CommonForEachStatementSyntax forEach:
                    Read(forEach.Statement, site, ref signals, conditional: true);
                    break;
                case SwitchStatementSyntax switchStatement:
                    foreach (var section in switchStatement.Sections)
                    {
                        foreach (var inner in section.Statements)
                        {
                            Read(inner, site, ref signals, conditional: true);
                        }
                    }

                    break;
            }
        }

        /// <summary>A statement expression: a call, an assignment, an await.</summary>
        private static void ReadAction(ExpressionSyntax expression, in IntentSite site, ref Signals signals, bool conditional)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited:
                    ReadAction(awaited.Expression, site, ref signals, conditional);
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    ReadAction(parenthesized.Expression, site, ref signals, conditional);
                    break;
                case ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax invocation } conditionalAccess:
                    ReadCall(invocation, ReceiverName(conditionalAccess.Expression), site, ref signals, conditional);
                    break;
                case InvocationExpressionSyntax invocation:
                    ReadCall(invocation, ReceiverName(invocation.Expression), site, ref signals, conditional);
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment:
                    if (NameOf(assignment.Left) is { } target)
                    {
                        ReadAssignment(target, assignment.Right, site, ref signals, conditional);
                    }

                    break;
                case ThrowExpressionSyntax throwExpression:
                    ReadThrow(throwExpression, throwExpression.Expression, site, ref signals, conditional);
                    break;
            }
        }

        private static void ReadCall(InvocationExpressionSyntax invocation, string? receiver, in IntentSite site, ref Signals signals, bool conditional)
        {
            var name = CalledName(invocation.Expression);
            if (name is null)
            {
                return;
            }

            // ConfigureAwait and the like: the call they are made on decides.
            if (name == "ConfigureAwait" && invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } configured)
            {
                ReadCall(inner, ReceiverName(inner.Expression), site, ref signals, conditional);
                return;
            }

            if (IntentNames.IsLogging(name, receiver))
            {
                return;
            }

            if (IsDelay(name, receiver))
            {
                // A pause before the loop sends again, or before this branch does.
                if (IsInSendLoop(invocation))
                {
                    signals.Add(FailureIntent.Retry, conditional);
                }

                return;
            }

            if (IntentNames.IsPlainSend(name))
            {
                signals.Add(FailureIntent.Retry, conditional);
                return;
            }

            var intent = IntentNames.OfName(name);
            if (intent == FailureIntent.Unknown && receiver is not null && IsGenericVerb(name))
            {
                // retryQueue.Enqueue(message), deadLetters.Add(message).
                intent = IntentNames.OfName(receiver);
            }

            if (intent != FailureIntent.Unknown)
            {
                signals.Add(intent, conditional);
                return;
            }

            // A state passed on: store.SetState(id, OutboxState.Pending), UpdateStatus(message, Status.Failed).
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (Strip(argument.Expression) is MemberAccessExpressionSyntax memberAccess)
                {
                    var argumentIntent = IntentNames.OfName(memberAccess.Name.Identifier.ValueText);
                    if (argumentIntent != FailureIntent.Unknown)
                    {
                        signals.Add(argumentIntent, conditional);
                    }
                }
            }
        }

        private static void ReadAssignment(string target, ExpressionSyntax value, in IntentSite site, ref Signals signals, bool conditional)
        {
            var stripped = Strip(value);
            if (stripped is LiteralExpressionSyntax literal
                && (literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression)))
            {
                signals.Add(Answer(IntentNames.QuestionOf(target), literal.IsKind(SyntaxKind.TrueLiteralExpression)), conditional);
                return;
            }

            var before = signals;
            ReadValue(value, site, ref signals, conditional, isResult: false);
            if (signals.Equals(before) && SchedulesNextAttempt(target))
            {
                // item.NextAttemptAt = now.AddMinutes(5): the message waits for its next attempt.
                signals.Add(FailureIntent.Retry, conditional);
            }
        }

        /// <summary>
        /// A value the branch returns, assigns or yields: a name (<c>SendResult.RetryLater</c>), a bool that answers the
        /// question it is returned to, the status itself (handed on), a call or object creation named for its intent.
        /// </summary>
        private static void ReadValue(ExpressionSyntax value, in IntentSite site, ref Signals signals, bool conditional, bool isResult)
        {
            var stripped = Strip(value);
            if (isResult && site.IsValue(stripped))
            {
                signals.Add(FailureIntent.HandOn, conditional);
                return;
            }

            switch (stripped)
            {
                case LiteralExpressionSyntax literal when isResult && (literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression)):
                    signals.Add(Answer(QuestionAnswered(literal), literal.IsKind(SyntaxKind.TrueLiteralExpression)), conditional);
                    break;
                case IdentifierNameSyntax identifier:
                    if (isResult && identifier.Identifier.ValueText == site.CaughtName)
                    {
                        signals.Add(FailureIntent.HandOn, conditional);
                    }
                    else
                    {
                        signals.Add(IntentNames.OfName(identifier.Identifier.ValueText), conditional);
                    }

                    break;
                case MemberAccessExpressionSyntax memberAccess:
                    signals.Add(IntentNames.OfName(memberAccess.Name.Identifier.ValueText), conditional);
                    break;
                case AwaitExpressionSyntax awaited:
                    ReadValue(awaited.Expression, site, ref signals, conditional, isResult);
                    break;
                case InvocationExpressionSyntax invocation:
                    ReadCall(invocation, ReceiverName(invocation.Expression), site, ref signals, conditional);
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    if (creation is ObjectCreationExpressionSyntax { Type: var type } && NameOf(type) is { } typeName)
                    {
                        signals.Add(IntentNames.OfName(typeName), conditional);
                    }

                    break;
                case ConditionalExpressionSyntax conditionalExpression:
                    ReadValue(conditionalExpression.WhenTrue, site, ref signals, conditional: true, isResult);
                    ReadValue(conditionalExpression.WhenFalse, site, ref signals, conditional: true, isResult);
                    break;
                case ThrowExpressionSyntax throwExpression:
                    ReadThrow(throwExpression, throwExpression.Expression, site, ref signals, conditional);
                    break;
            }
        }

        /// <summary><c>throw;</c> and <c>throw ex;</c> hand the caught exception on; so does a new exception built from it or from the status.</summary>
        private static void ReadThrow(SyntaxNode node, ExpressionSyntax? thrown, in IntentSite site, ref Signals signals, bool conditional)
        {
            if (thrown is null)
            {
                if (site.CaughtName is not null || site.IsCatch || IsInCatch(node))
                {
                    signals.Add(FailureIntent.HandOn, conditional);
                }

                return;
            }

            var stripped = Strip(thrown);
            if (stripped is IdentifierNameSyntax identifier && site.CaughtName is { } caught && identifier.Identifier.ValueText == caught)
            {
                signals.Add(FailureIntent.HandOn, conditional);
                return;
            }

            if (stripped is ObjectCreationExpressionSyntax creation)
            {
                if (creation.ArgumentList is { } arguments)
                {
                    foreach (var argument in arguments.Arguments)
                    {
                        var argumentValue = Strip(argument.Expression);
                        if (site.IsValue(argumentValue)
                            || (site.CaughtName is { } name && argumentValue is IdentifierNameSyntax { Identifier.ValueText: var argumentName } && argumentName == name))
                        {
                            signals.Add(FailureIntent.HandOn, conditional);
                            return;
                        }
                    }
                }

                if (NameOf(creation.Type) is { } typeName)
                {
                    signals.Add(IntentNames.OfName(typeName), conditional);
                }
            }
        }

        /// <summary>What <c>true</c> or <c>false</c> means for a question.</summary>
        private static FailureIntent Answer(IntentQuestion question, bool value) => question switch
        {
            IntentQuestion.Retry => value ? FailureIntent.Retry : FailureIntent.GiveUp,
            IntentQuestion.GiveUp => value ? FailureIntent.GiveUp : FailureIntent.Retry,
            _ => FailureIntent.Unknown,
        };

        /// <summary>
        /// The question a result answers: the method, local function, property or lambda it is returned from, or the
        /// variable or property it is assigned to (<c>var retry = status switch { … }</c>).
        /// </summary>
        internal static IntentQuestion QuestionAnswered(SyntaxNode result)
        {
            var current = result;
            for (var parent = result.Parent; parent is not null; current = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case SwitchExpressionArmSyntax:
                    case SwitchExpressionSyntax:
                    case AwaitExpressionSyntax:
                    case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }:
                        continue;
                    case ReturnStatementSyntax:
                    case ArrowExpressionClauseSyntax:
                        return QuestionOfMember(parent);
                    case AnonymousFunctionExpressionSyntax:
                        // An expression-bodied lambda: the name it is given.
                        continue;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return IntentNames.QuestionOf(declarator.Identifier.ValueText);
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return IntentNames.QuestionOf(property.Identifier.ValueText);
                    case AssignmentExpressionSyntax assignment when assignment.Right == current:
                        return NameOf(assignment.Left) is { } target ? IntentNames.QuestionOf(target) : IntentQuestion.None;
                    default:
                        return IntentQuestion.None;
                }
            }

            return IntentQuestion.None;
        }

        private static IntentQuestion QuestionOfMember(SyntaxNode node)
        {
            for (var parent = node.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case MethodDeclarationSyntax method:
                        return IntentNames.QuestionOf(method.Identifier.ValueText);
                    case LocalFunctionStatementSyntax localFunction:
                        return IntentNames.QuestionOf(localFunction.Identifier.ValueText);
                    case PropertyDeclarationSyntax property:
                        return IntentNames.QuestionOf(property.Identifier.ValueText);
                    case AnonymousFunctionExpressionSyntax lambda:
                        return QuestionAnswered(lambda);
                    case MemberDeclarationSyntax:
                        return IntentQuestion.None;
                }
            }

            return IntentQuestion.None;
        }

        /// <summary>Whether the nearest loop around the node, in the same function, sends: a retry loop.</summary>
        private static bool IsInSendLoop(SyntaxNode node) => EnclosingLoop(node, switchStops: false) is { } loop && IsSendLoop(loop);

        /// <summary>The nearest loop around the node in the same function; null where there is none, or a switch comes first and <paramref name="switchStops"/>.</summary>
        private static StatementSyntax? EnclosingLoop(SyntaxNode node, bool switchStops)
        {
            for (var parent = node.Parent; parent is not null && !IsFunctionBoundary(parent); parent = parent.Parent)
            {
                if (parent is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
                {
                    return (StatementSyntax)parent;
                }

                if (switchStops && parent is SwitchStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>Where the code around a node stops being the same function: a lambda, a local function, a member.</summary>
        private static bool IsFunctionBoundary(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax;

        /// <summary>
        /// A loop that tries to send: its body calls a send, and it loops over attempts, not over messages (a
        /// <c>foreach</c> over recipients or a <c>for</c> that indexes with its variable moves on to the next one).
        /// </summary>
        private static bool IsSendLoop(StatementSyntax loop)
        {
            StatementSyntax body;
            switch (loop)
            {
                case WhileStatementSyntax whileStatement:
                    body = whileStatement.Statement;
                    break;
                case DoStatementSyntax doStatement:
                    body = doStatement.Statement;
                    break;
                case ForStatementSyntax forStatement:
                    body = forStatement.Statement;
                    if (forStatement.Declaration is { Variables: { Count: 1 } variables } && IndexesWith(body, variables[0].Identifier.ValueText))
                    {
                        return false;
                    }

                    break;
                case ForEachStatementSyntax forEach:
                    body = forEach.Statement;
                    if (IntentNames.OfName(forEach.Identifier.ValueText) == FailureIntent.Unknown && !NamesAttempts(forEach.Identifier.ValueText))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            foreach (var node in body.DescendantNodes(descendIntoChildren: child => child is not AnonymousFunctionExpressionSyntax && child is not LocalFunctionStatementSyntax))
            {
                if (node is InvocationExpressionSyntax invocation && CalledName(invocation.Expression) is { } name && IntentNames.IsPlainSend(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesAttempts(string name)
        {
            foreach (var word in IntentNames.Split(name))
            {
                if (word == "attempt" || word == "delay" || word == "backoff" || word == "wait" || word == "retry" || word == "try" || word == "pause")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IndexesWith(SyntaxNode body, string variable)
        {
            foreach (var node in body.DescendantNodes())
            {
                if (node is ElementAccessExpressionSyntax elementAccess)
                {
                    foreach (var argument in elementAccess.ArgumentList.Arguments)
                    {
                        if (Strip(argument.Expression) is IdentifierNameSyntax { Identifier.ValueText: var index } && index == variable)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The loop a <c>break</c> leaves; null when it leaves a switch.</summary>
        private static StatementSyntax? BreakTarget(BreakStatementSyntax breakStatement) => EnclosingLoop(breakStatement, switchStops: true);

        private static bool IsInCatch(SyntaxNode node)
        {
            for (var parent = node.Parent; parent is not null && !IsFunctionBoundary(parent); parent = parent.Parent)
            {
                if (parent is CatchClauseSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The block can end without leaving: its last statement is not a return, throw, break, continue or goto.</summary>
        private static bool CompletesNormally(SyntaxList<StatementSyntax> statements)
        {
            if (statements.Count == 0)
            {
                return true;
            }

            return statements[statements.Count - 1] switch
            {
                ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax => false,
                ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => false,
                BlockSyntax block => CompletesNormally(block.Statements),
                _ => true,
            };
        }

        private static bool IsDelay(string name, string? receiver) =>
            (name == "Sleep" && receiver == "Thread") || (name == "Delay" && receiver == "Task") || name == "DelayAsync";

        /// <summary>A call whose own name says nothing, so the receiver's does: <c>retryQueue.Enqueue(m)</c>.</summary>
        private static bool IsGenericVerb(string name) => name switch
        {
            "Enqueue" or "EnqueueAsync" or "Add" or "AddAsync" or "Post" or "PostAsync" or "Push" or "Publish" or "PublishAsync"
                or "Schedule" or "ScheduleAsync" or "Insert" or "InsertAsync" or "Write" or "WriteAsync" or "TryAdd" or "TryWrite" => true,
            _ => false,
        };

        private static bool SchedulesNextAttempt(string target)
        {
            var words = IntentNames.Split(target);
            if (words.Count < 2 || words[0] != "next")
            {
                return false;
            }

            foreach (var word in words)
            {
                if (word == "retry" || word == "attempt" || word == "try" || word == "send" || word == "delivery")
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression) => IntentSite.Strip(expression);

        /// <summary>The rightmost simple name: <c>Pending</c> of <c>OutboxState.Pending</c>, <c>State</c> of <c>item.State</c>.</summary>
        private static string? NameOf(ExpressionSyntax expression) => Strip(expression) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? CalledName(ExpressionSyntax callee) => NameOf(callee);

        /// <summary>The name a call is made on: <c>client</c> of <c>client.Send</c>, <c>Thread</c> of <c>Thread.Sleep</c>.</summary>
        private static string? ReceiverName(ExpressionSyntax callee) => Strip(callee) switch
        {
            MemberAccessExpressionSyntax memberAccess => NameOf(memberAccess.Expression),
            _ => null,
        };

        /// <summary>The signals of one branch: what always runs, and what runs only sometimes, one bit per intent.</summary>
        private struct Signals
        {
            private int _always;
            private int _sometimes;

            internal void Add(FailureIntent intent, bool conditional)
            {
                if (intent != FailureIntent.Unknown)
                {
                    if (conditional)
                    {
                        _sometimes |= 1 << (int)intent;
                    }
                    else
                    {
                        _always |= 1 << (int)intent;
                    }
                }
            }

            internal readonly bool Equals(Signals other) => _always == other._always && _sometimes == other._sometimes;

            private readonly bool Retries => Has(_always, FailureIntent.Retry);

            private readonly bool GivesUp => Has(_always, FailureIntent.GiveUp);

            private readonly bool HandsOn => Has(_always, FailureIntent.HandOn);

            private readonly bool SometimesRetries => Has(_sometimes, FailureIntent.Retry);

            private readonly bool SometimesGivesUp => Has(_sometimes, FailureIntent.GiveUp);

            private static bool Has(int bits, FailureIntent intent) => (bits & (1 << (int)intent)) != 0;

            internal readonly FailureIntent Result
            {
                get
                {
                    if (Retries && GivesUp)
                    {
                        return FailureIntent.Unknown;
                    }

                    if (Retries)
                    {
                        // Retrying, and sometimes handing on or giving up after the last attempt, is still a retry;
                        // sometimes giving up instead of retrying at all is not known.
                        return SometimesGivesUp && !HandsOn ? FailureIntent.Unknown : FailureIntent.Retry;
                    }

                    if (GivesUp)
                    {
                        return SometimesRetries ? FailureIntent.Unknown : FailureIntent.GiveUp;
                    }

                    if (HandsOn)
                    {
                        // if (attempt < max) { await Task.Delay(d); continue; } throw; — a bounded retry.
                        if (SometimesRetries && !SometimesGivesUp)
                        {
                            return FailureIntent.Retry;
                        }

                        return SometimesRetries || SometimesGivesUp ? FailureIntent.Unknown : FailureIntent.HandOn;
                    }

                    return FailureIntent.Unknown;
                }
            }
        }
    }
}
