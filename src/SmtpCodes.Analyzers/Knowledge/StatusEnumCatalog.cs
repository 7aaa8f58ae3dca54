using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The status enums of one compilation: the four the contract names, found by metadata name, and those named by
    /// <c>smtp_codes.status_enum_types</c>. Built once per compilation; <see cref="Create"/> returns null when the
    /// compilation has none, and the analyzers then register nothing.
    /// </summary>
    internal sealed class StatusEnumCatalog
    {
        internal static readonly ImmutableArray<string> WellKnownMetadataNames = ImmutableArray.Create(
            "Aspose.Email.Clients.Smtp.SmtpStatusCode",
            "System.Net.Mail.SmtpStatusCode",
            "MailKit.Net.Smtp.SmtpStatusCode",
            "SmtpServer.Protocol.SmtpReplyCode");

        private readonly ImmutableArray<StatusEnum> _enums;

        private StatusEnumCatalog(ImmutableArray<StatusEnum> enums) => _enums = enums;

        internal ImmutableArray<StatusEnum> Enums => _enums;

        internal static StatusEnumCatalog? Create(Compilation compilation, AnalyzerOptions options)
        {
            var obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
            var enums = ImmutableArray.CreateBuilder<StatusEnum>();
            foreach (var name in WellKnownMetadataNames)
            {
                Add(compilation.GetTypeByMetadataName(name));
            }

            foreach (var value in SmtpCodesOptions.DistinctValues(compilation, options.AnalyzerConfigOptionsProvider, SmtpCodesOptions.StatusEnumTypesKey))
            {
                foreach (var name in SmtpCodesOptions.SplitTypeNames(value))
                {
                    // A name that does not resolve to an enum is SMTP000's business (OptionsAnalyzer); here it is skipped.
                    Add(compilation.GetTypeByMetadataName(name));
                }
            }

            return enums.Count == 0 ? null : new StatusEnumCatalog(enums.ToImmutable());

            void Add(INamedTypeSymbol? type)
            {
                if (type is null || type.TypeKind != TypeKind.Enum)
                {
                    return;
                }

                foreach (var known in enums)
                {
                    if (SymbolEqualityComparer.Default.Equals(known.Type, type))
                    {
                        return;
                    }
                }

                if (StatusEnum.TryCreate(type, obsolete) is { } statusEnum)
                {
                    enums.Add(statusEnum);
                }
            }
        }

        /// <summary>Finds the status enum of a type, looking through <c>Nullable&lt;T&gt;</c>.</summary>
        internal bool TryGet(ITypeSymbol? type, out StatusEnum statusEnum, out bool isNullable)
        {
            isNullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                isNullable = true;
                type = nullable.TypeArguments[0];
            }

            if (type is { TypeKind: TypeKind.Enum })
            {
                foreach (var candidate in _enums)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.Type, type))
                    {
                        statusEnum = candidate;
                        return true;
                    }
                }
            }

            statusEnum = null!;
            return false;
        }

        internal bool TryGet(ITypeSymbol? type, out StatusEnum statusEnum) => TryGet(type, out statusEnum, out _);
    }
}
