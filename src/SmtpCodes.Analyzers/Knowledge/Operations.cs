using Microsoft.CodeAnalysis;
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
