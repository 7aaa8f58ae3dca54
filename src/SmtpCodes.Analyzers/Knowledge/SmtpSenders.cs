using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The SMTP clients whose send methods the compilation can call, by metadata name, each with the exception type that
    /// carries the server's reply when a send fails: System.Net.Mail's <c>SmtpClient</c> (<c>SmtpException</c>) and
    /// MailKit's <c>IMailTransport</c>, which its <c>SmtpClient</c> implements (<c>SmtpCommandException</c>).
    /// </summary>
    internal sealed class SmtpSenders
    {
        private readonly INamedTypeSymbol? _systemNetMailClient;
        private readonly StatusException? _systemNetMailException;
        private readonly INamedTypeSymbol? _mailKitTransport;
        private readonly StatusException? _mailKitException;

        private SmtpSenders(INamedTypeSymbol? systemNetMailClient, StatusException? systemNetMailException, INamedTypeSymbol? mailKitTransport, StatusException? mailKitException)
        {
            _systemNetMailClient = systemNetMailClient;
            _systemNetMailException = systemNetMailException;
            _mailKitTransport = mailKitTransport;
            _mailKitException = mailKitException;
        }

        /// <summary>The senders of <paramref name="compilation"/> whose exception carries a status; null when there is none.</summary>
        internal static SmtpSenders? Create(Compilation compilation, StatusEnumCatalog catalog, StatusExceptionCatalog exceptions)
        {
            var systemNetMailClient = catalog.FindType(compilation, "System.Net.Mail.SmtpClient");
            var mailKitTransport = catalog.FindType(compilation, "MailKit.IMailTransport");
            StatusException? systemNetMailException = null, mailKitException = null;
            if (systemNetMailClient is not null)
            {
                exceptions.TryGet(catalog.FindType(compilation, "System.Net.Mail.SmtpException"), out systemNetMailException!);
            }

            if (mailKitTransport is not null)
            {
                exceptions.TryGet(catalog.FindType(compilation, "MailKit.Net.Smtp.SmtpCommandException"), out mailKitException!);
            }

            return systemNetMailException is null && mailKitException is null
                ? null
                : new SmtpSenders(systemNetMailClient, systemNetMailException, mailKitTransport, mailKitException);
        }

        /// <summary>
        /// Whether <paramref name="method"/> is a <c>Send*</c> method of an SMTP client (declared on it, a base of it or an
        /// interface it implements), and which status exception a failed send throws.
        /// </summary>
        internal bool IsSend(IMethodSymbol method, out StatusException statusException)
        {
            statusException = null!;
            if (!method.Name.StartsWith("Send", System.StringComparison.Ordinal) || method.ContainingType is not { } type)
            {
                return false;
            }

            if (_systemNetMailException is not null && DerivesFrom(type, _systemNetMailClient))
            {
                statusException = _systemNetMailException;
                return true;
            }

            if (_mailKitException is not null && _mailKitTransport is not null
                && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _mailKitTransport) || Implements(type, _mailKitTransport)))
            {
                statusException = _mailKitException;
                return true;
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
