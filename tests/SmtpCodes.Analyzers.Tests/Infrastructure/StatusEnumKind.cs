using System.Collections.Generic;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>The four status enums of the contract, as theory data: how code names them and what it needs to see them.</summary>
    public sealed class StatusEnumKind
    {
        private StatusEnumKind(string name, string @namespace, string typeName, string? declaration)
        {
            Name = name;
            Namespace = @namespace;
            TypeName = typeName;
            Declaration = declaration;
        }

        public static StatusEnumKind Aspose { get; } = new("Aspose", "Aspose.Email.Clients.Smtp", "SmtpStatusCode", StatusEnumSources.Aspose);

        public static StatusEnumKind SystemNetMail { get; } = new("System.Net.Mail", "System.Net.Mail", "SmtpStatusCode", null);

        public static StatusEnumKind MailKit { get; } = new("MailKit", "MailKit.Net.Smtp", "SmtpStatusCode", null);

        public static StatusEnumKind SmtpServer { get; } = new("SmtpServer", "SmtpServer.Protocol", "SmtpReplyCode", null);

        public static IReadOnlyList<StatusEnumKind> All { get; } = new[] { Aspose, SystemNetMail, MailKit, SmtpServer };

        /// <summary>Theory data: the name of each enum.</summary>
        public static TheoryData<string> Names
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var kind in All)
                {
                    data.Add(kind.Name);
                }

                return data;
            }
        }

        public string Name { get; }

        public string Namespace { get; }

        public string TypeName { get; }

        /// <summary>Source that declares the enum, for Aspose; null where a referenced assembly has it.</summary>
        public string? Declaration { get; }

        public static StatusEnumKind Named(string name)
        {
            foreach (var kind in All)
            {
                if (kind.Name == name)
                {
                    return kind;
                }
            }

            throw new KeyNotFoundException(name);
        }

        /// <summary>The name of the member for 550 (every one of the four calls it so) and of 421.</summary>
        public string MailboxUnavailable => "MailboxUnavailable";

        public string ServiceNotAvailable => this == SmtpServer ? "ServiceUnavailable" : "ServiceNotAvailable";

        public override string ToString() => Name;
    }
}
