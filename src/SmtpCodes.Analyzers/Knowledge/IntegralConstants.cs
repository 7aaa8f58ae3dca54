using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>Integral constant values and types, compared as <see cref="long"/> whatever their declared type.</summary>
    internal static class IntegralConstants
    {
        /// <summary>Reads a boxed integral constant. A <see cref="ulong"/> above <see cref="long.MaxValue"/> is no SMTP code and is refused.</summary>
        internal static bool TryToInt64(object? value, out long result)
        {
            switch (value)
            {
                case int i: result = i; return true;
                case long l: result = l; return true;
                case uint ui: result = ui; return true;
                case short s: result = s; return true;
                case ushort us: result = us; return true;
                case byte b: result = b; return true;
                case sbyte sb: result = sb; return true;
                case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
                default: result = 0; return false;
            }
        }

        /// <summary>The value of the enum member named <paramref name="member"/>, as a code fix reads it from a property.</summary>
        internal static bool TryGetMemberValue(INamedTypeSymbol enumType, string member, out long value)
        {
            foreach (var symbol in enumType.GetMembers(member))
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field && TryToInt64(field.ConstantValue, out value))
                {
                    return true;
                }
            }

            value = 0;
            return false;
        }

        internal static bool IsIntegral(SpecialType type)
        {
            switch (type)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when every value of <paramref name="from"/> survives the conversion to <paramref name="to"/>, so that
        /// <c>(to)status == constant</c> means <c>status == (Enum)constant</c>. A narrowing cast (<c>(byte)status</c>)
        /// compares something else and is left alone.
        /// </summary>
        internal static bool IsLossless(SpecialType from, SpecialType to)
        {
            if (from == to)
            {
                return true;
            }

            return (Rank(from), Rank(to)) switch
            {
                ((int fromBits, bool fromSigned), (int toBits, bool toSigned)) when fromBits > 0 && toBits > 0 =>
                    fromSigned == toSigned ? toBits >= fromBits : !fromSigned && toSigned && toBits > fromBits,
                _ => false,
            };
        }

        private static (int Bits, bool Signed) Rank(SpecialType type) => type switch
        {
            SpecialType.System_SByte => (8, true),
            SpecialType.System_Byte => (8, false),
            SpecialType.System_Int16 => (16, true),
            SpecialType.System_UInt16 => (16, false),
            SpecialType.System_Int32 => (32, true),
            SpecialType.System_UInt32 => (32, false),
            SpecialType.System_Int64 => (64, true),
            SpecialType.System_UInt64 => (64, false),
            _ => (0, false),
        };
    }
}
