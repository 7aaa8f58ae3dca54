using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// An exception type that carries a status: where its status is (<c>StatusCode</c>, or <c>Response.ReplyCode</c>
    /// on SmtpServer) and which status enum that is. Subclasses carry it too.
    /// </summary>
    internal sealed class StatusException
    {
        internal StatusException(INamedTypeSymbol type, string statusPath, StatusEnum statusEnum)
        {
            Type = type;
            StatusPath = statusPath;
            StatusEnum = statusEnum;
        }

        internal INamedTypeSymbol Type { get; }

        /// <summary>The dotted member path from the exception to its status: <c>StatusCode</c>, <c>Response.ReplyCode</c>.</summary>
        internal string StatusPath { get; }

        internal StatusEnum StatusEnum { get; }
    }

    /// <summary>
    /// The exception types of one compilation whose static type says they carry an SMTP status, found by metadata
    /// name like the status enums. Built once per compilation; <see cref="Create"/> returns null when there is none.
    /// </summary>
    internal sealed class StatusExceptionCatalog
    {
        /// <summary>The exceptions the contract names, with the member path to their status.</summary>
        internal static readonly ImmutableArray<(string MetadataName, string StatusPath)> WellKnown = ImmutableArray.Create(
            ("System.Net.Mail.SmtpException", "StatusCode"),
            ("MailKit.Net.Smtp.SmtpCommandException", "StatusCode"),
            ("SmtpServer.Protocol.SmtpResponseException", "Response.ReplyCode"));

        private static readonly char[] s_pathSeparator = { '.' };

        private readonly ImmutableArray<StatusException> _exceptions;

        private StatusExceptionCatalog(ImmutableArray<StatusException> exceptions) => _exceptions = exceptions;

        internal static StatusExceptionCatalog? Create(Compilation compilation, StatusEnumCatalog enums)
        {
            var exceptions = ImmutableArray.CreateBuilder<StatusException>();
            foreach (var (metadataName, statusPath) in WellKnown)
            {
                if (enums.FindType(compilation, metadataName) is { TypeKind: TypeKind.Class } type
                    && ResolveStatusType(type, statusPath) is { } statusType
                    && enums.TryGet(statusType, out var statusEnum, out var isNullable)
                    && !isNullable)
                {
                    exceptions.Add(new StatusException(type, statusPath, statusEnum));
                }
            }

            return exceptions.Count == 0 ? null : new StatusExceptionCatalog(exceptions.ToImmutable());
        }

        /// <summary>Finds the status exception that <paramref name="type"/> is or derives from.</summary>
        internal bool TryGet(ITypeSymbol? type, out StatusException statusException)
        {
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.SpecialType == SpecialType.System_Object)
                {
                    break;
                }

                foreach (var candidate in _exceptions)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.Type, current))
                    {
                        statusException = candidate;
                        return true;
                    }
                }
            }

            statusException = null!;
            return false;
        }

        /// <summary>Follows a dotted path of instance properties; null when a step is missing.</summary>
        private static ITypeSymbol? ResolveStatusType(INamedTypeSymbol type, string statusPath)
        {
            ITypeSymbol? current = type;
            foreach (var step in statusPath.Split(s_pathSeparator))
            {
                IPropertySymbol? found = null;
                for (var owner = current as INamedTypeSymbol; owner is not null && found is null; owner = owner.BaseType)
                {
                    foreach (var member in owner.GetMembers(step))
                    {
                        if (member is IPropertySymbol { IsStatic: false, Parameters.Length: 0, GetMethod: not null } property)
                        {
                            found = property;
                            break;
                        }
                    }
                }

                if (found is null)
                {
                    return null;
                }

                current = found.Type;
            }

            return current;
        }
    }
}
