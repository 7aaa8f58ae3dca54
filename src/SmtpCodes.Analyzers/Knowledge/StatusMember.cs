using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>One named member of a status enum.</summary>
    internal sealed class StatusMember
    {
        private string? _qualifiedName;

        internal StatusMember(IFieldSymbol field, long value, bool isObsolete, int index)
        {
            Field = field;
            Index = index;
            Value = value;
            IsObsolete = isObsolete;
            Class = ReplyClasses.Of(value);
        }

        internal IFieldSymbol Field { get; }

        /// <summary>Its position in <see cref="StatusEnum.Members"/>: sets of members are kept as bits at these positions.</summary>
        internal int Index { get; }

        internal string Name => Field.Name;

        /// <summary>What messages name it by, <c>SmtpStatusCode.MailboxUnavailable</c>, built once.</summary>
        internal string QualifiedName => _qualifiedName ??= Field.ContainingType.Name + "." + Field.Name;

        internal long Value { get; }

        internal ReplyClass Class { get; }

        internal bool IsObsolete { get; }

        /// <summary>An authentication or TLS code (RFC 4954, RFC 3207): judged by neither reply class.</summary>
        internal bool IsAuthentication => SmtpReplyCodes.IsAuthentication(Value);

        public override string ToString() => Value + " " + Name;
    }
}
