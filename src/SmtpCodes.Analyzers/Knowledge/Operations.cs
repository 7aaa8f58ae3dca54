using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>Small questions about operations that every rule asks the same way.</summary>
    internal static class Operations
    {
        /// <summary>The operation under the conversions the compiler inserted (widening, to <c>Nullable&lt;T&gt;</c>, boxing).</summary>
        internal static IOperation WithoutImplicitConversions(this IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>
        /// The conversion a cast is written for, found from the cast's operand up: the first of the conversions the
        /// compiler gives the cast's syntax that is explicit, or that no other conversion of the cast wraps.
        /// <c>(SmtpStatusCode)550</c> is one explicit conversion, which an implicit one to <c>SmtpStatusCode?</c> or
        /// <c>object</c> may wrap (<c>SmtpStatusCode? s = (SmtpStatusCode)550;</c>), and that one is not the cast's;
        /// <c>(SmtpStatusCode?)550</c> is two conversions, both marked implicit, of which the outer is. Null when the
        /// cast converts nothing the compiler could bind.
        /// </summary>
        internal static IConversionOperation? ConversionWrittenBy(SemanticModel model, CastExpressionSyntax cast, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(SmtpCodeContexts.SkipParentheses(cast.Expression), cancellationToken);
            while (operation?.Parent is IConversionOperation { IsImplicit: true } widening && widening.Syntax != cast)
            {
                operation = widening;
            }

            if (operation?.Parent is not IConversionOperation conversion || conversion.Syntax != cast)
            {
                return null;
            }

            while (conversion.IsImplicit && conversion.Parent is IConversionOperation outer && outer.Syntax == cast)
            {
                conversion = outer;
            }

            return conversion;
        }

        /// <summary>
        /// Whether two operations read the same storage: the same local or parameter, <c>this</c>, or the same field or
        /// argument-less property of the same instance (<c>ex.StatusCode</c> twice, <c>response.StatusCode</c> twice).
        /// </summary>
        internal static bool IsSameValue(IOperation? left, IOperation? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            left = left.WithoutImplicitConversions();
            right = right.WithoutImplicitConversions();
            switch (left)
            {
                case ILocalReferenceOperation local:
                    return right is ILocalReferenceOperation otherLocal && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
                case IParameterReferenceOperation parameter:
                    return right is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                case IInstanceReferenceOperation:
                    return right is IInstanceReferenceOperation;
                case IFieldReferenceOperation field:
                    return right is IFieldReferenceOperation otherField
                        && SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field)
                        && IsSameValue(field.Instance, otherField.Instance);
                case IPropertyReferenceOperation property:
                    return right is IPropertyReferenceOperation otherProperty
                        && property.Arguments.IsEmpty
                        && otherProperty.Arguments.IsEmpty
                        && SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                        && IsSameValue(property.Instance, otherProperty.Instance);
                default:
                    return false;
            }
        }
    }
}
