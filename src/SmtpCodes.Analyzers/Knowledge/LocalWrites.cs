using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Whether a local keeps the value it was declared with, read from the syntax that follows its declaration: SMTP001
    /// follows a local that holds <c>(int)ex.StatusCode</c>, SMTP006 one that holds <c>ex.Message</c>.
    /// </summary>
    internal static class LocalWrites
    {
        /// <summary>How a use of a name changes what it names.</summary>
        internal enum Kind
        {
            /// <summary>A read: <c>code == 550</c>, <c>Log(code)</c>, <c>Log(in code)</c>, <c>-code</c>.</summary>
            Read,

            /// <summary><c>code = value</c>: the caller decides whether the value keeps the local what it was.</summary>
            SimpleAssignment,

            /// <summary>
            /// A write that cannot be followed: <c>ref</c> and <c>out</c> arguments, <c>ref</c> and address-of,
            /// <c>++</c>/<c>--</c>, compound assignments, deconstruction.
            /// </summary>
            Other,
        }

        /// <summary>
        /// True when nothing after <paramref name="declarator"/> writes a name spelled like its local, except simple
        /// assignments that <paramref name="acceptAssignment"/> (when given) accepts. The search is by name: a write
        /// to another variable of the same name (a lambda's parameter) counts, which only ever makes the answer false.
        /// </summary>
        internal static bool NotWrittenAfter(VariableDeclaratorSyntax declarator, Func<AssignmentExpressionSyntax, IdentifierNameSyntax, bool>? acceptAssignment = null)
        {
            if (ScopeOf(declarator) is not { } scope)
            {
                return false;
            }

            var name = declarator.Identifier.ValueText;

            // A local cannot be used before its declaration: only what follows it is searched.
            foreach (var node in scope.DescendantNodes(TextSpan.FromBounds(declarator.Span.End, scope.Span.End)))
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                switch (KindOf(identifier))
                {
                    case Kind.SimpleAssignment:
                        if (acceptAssignment is null || !acceptAssignment((AssignmentExpressionSyntax)identifier.Parent!, identifier))
                        {
                            return false;
                        }

                        break;
                    case Kind.Other:
                        return false;
                }
            }

            return true;
        }

        /// <summary>How <paramref name="name"/> (a name, or the last name of a member access) is used where it stands.</summary>
        internal static Kind KindOf(SimpleNameSyntax name)
        {
            ExpressionSyntax use = name;
            if (use.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                use = access;
            }

            while (use.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                use = parenthesized;
            }

            switch (use.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == use:
                    return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? Kind.SimpleAssignment : Kind.Other;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)
                        || prefix.IsKind(SyntaxKind.AddressOfExpression)
                        ? Kind.Other
                        : Kind.Read;
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression) ? Kind.Other : Kind.Read;
                case RefExpressionSyntax:
                    return Kind.Other;
                case ArgumentSyntax argument:
                    if (argument.Parent is TupleExpressionSyntax tuple)
                    {
                        return IsDeconstructionTarget(tuple) ? Kind.Other : Kind.Read;
                    }

                    // By value and `in` arguments are reads; `ref` and `out` ones writes.
                    return argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) ? Kind.Other : Kind.Read;
                default:
                    return Kind.Read;
            }
        }

        /// <summary>The syntax a local declared by <paramref name="declarator"/> can be used in.</summary>
        private static SyntaxNode? ScopeOf(VariableDeclaratorSyntax declarator)
        {
            var owner = declarator.Parent?.Parent;
            if (owner is LocalDeclarationStatementSyntax statement)
            {
                return statement.Parent switch
                {
                    GlobalStatementSyntax global => global.Parent,

                    // A local declared in one section is in scope in the whole switch block.
                    SwitchSectionSyntax section => section.Parent,
                    _ => statement.Parent,
                };
            }

            return owner;
        }

        /// <summary><c>(code, other) = …</c>, nested tuples and <c>foreach ((code, other) in …)</c> included.</summary>
        private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
        {
            ExpressionSyntax outer = tuple;
            while (outer.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax enclosing })
            {
                outer = enclosing;
            }

            return outer.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == outer,
                ForEachVariableStatementSyntax forEach => forEach.Variable == outer,
                _ => false,
            };
        }
    }
}
