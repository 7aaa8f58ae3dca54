using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What the analyzers know of one status enum: its members by value (aliases included), read from the
    /// symbol once per compilation, and the reply class of each value.
    /// </summary>
    internal sealed class StatusEnum
    {
        private readonly Dictionary<long, ImmutableArray<StatusMember>> _byValue;

        private readonly MemberSet _transientMembers;
        private readonly MemberSet _permanentMembers;

        private StatusEnum(INamedTypeSymbol type, SpecialType underlyingType, ImmutableArray<StatusMember> members, Dictionary<long, ImmutableArray<StatusMember>> byValue)
        {
            Type = type;
            UnderlyingType = underlyingType;
            Members = members;
            _byValue = byValue;
            MetadataName = GetMetadataName(type);
            TransientValues = CollectValuesOfClass(byValue, ReplyClass.TransientNegative);
            PermanentValues = CollectValuesOfClass(byValue, ReplyClass.PermanentNegative);
            _transientMembers = CollectMembersOfClass(members, ReplyClass.TransientNegative);
            _permanentMembers = CollectMembersOfClass(members, ReplyClass.PermanentNegative);
        }

        internal INamedTypeSymbol Type { get; }

        /// <summary>The enum's underlying integral type (<c>int</c> unless declared <c>: long</c> and the like).</summary>
        internal SpecialType UnderlyingType { get; }

        /// <summary>Every member, in declaration order.</summary>
        internal ImmutableArray<StatusMember> Members { get; }

        /// <summary>
        /// The name <see cref="Compilation.GetTypeByMetadataName"/> finds the enum by (<c>Ns.Outer+Inner</c>): what an
        /// analyzer hands its code fix.
        /// </summary>
        internal string MetadataName { get; }

        /// <summary>The name users read in messages: <c>SmtpStatusCode</c>.</summary>
        internal string DisplayName => Type.Name;

        internal static StatusEnum? TryCreate(INamedTypeSymbol type, INamedTypeSymbol? obsoleteAttribute)
        {
            if (type.TypeKind != TypeKind.Enum || type.EnumUnderlyingType is null)
            {
                return null;
            }

            var members = ImmutableArray.CreateBuilder<StatusMember>();
            var byValue = new Dictionary<long, List<StatusMember>>();
            foreach (var symbol in type.GetMembers())
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field
                    && IntegralConstants.TryToInt64(field.ConstantValue, out var value))
                {
                    var member = new StatusMember(field, value, IsObsolete(field, obsoleteAttribute), members.Count);
                    members.Add(member);
                    if (!byValue.TryGetValue(value, out var names))
                    {
                        byValue.Add(value, names = new List<StatusMember>(1));
                    }

                    names.Add(member);
                }
            }

            var frozen = new Dictionary<long, ImmutableArray<StatusMember>>(byValue.Count);
            foreach (var pair in byValue)
            {
                // The preferred name comes first: declaration order, but never an [Obsolete] name before a current one.
                var names = pair.Value;
                var ordered = ImmutableArray.CreateBuilder<StatusMember>(names.Count);
                foreach (var name in names)
                {
                    if (!name.IsObsolete)
                    {
                        ordered.Add(name);
                    }
                }

                foreach (var name in names)
                {
                    if (name.IsObsolete)
                    {
                        ordered.Add(name);
                    }
                }

                frozen.Add(pair.Key, ordered.MoveToImmutable());
            }

            return new StatusEnum(type, type.EnumUnderlyingType.SpecialType, members.ToImmutable(), frozen);
        }

        /// <summary>True when some member, current or obsolete, has this value.</summary>
        internal bool IsMemberValue(long value) => _byValue.ContainsKey(value);

        /// <summary>
        /// The current (not <c>[Obsolete]</c>) names of a value, preferred name first; empty when the value has
        /// no member, or only obsolete ones.
        /// </summary>
        internal ImmutableArray<StatusMember> CurrentNamesOf(long value)
        {
            if (!_byValue.TryGetValue(value, out var names) || names[0].IsObsolete)
            {
                return ImmutableArray<StatusMember>.Empty;
            }

            var count = 1;
            while (count < names.Length && !names[count].IsObsolete)
            {
                count++;
            }

            return count == names.Length ? names : names.RemoveRange(count, names.Length - count);
        }

        /// <summary>The transient (4yz) values, each once, ascending, with every name of each value.</summary>
        internal ImmutableArray<ImmutableArray<StatusMember>> TransientValues { get; }

        /// <summary>The permanent (5yz) values, each once, ascending, with every name of each value.</summary>
        internal ImmutableArray<ImmutableArray<StatusMember>> PermanentValues { get; }

        /// <summary>
        /// Every member (aliases and obsolete names included) of a transient or permanent class, as a set: shared, so
        /// read it and never add to it. Null for the other classes.
        /// </summary>
        internal MemberSet? MembersOfClass(ReplyClass replyClass) => replyClass switch
        {
            ReplyClass.TransientNegative => _transientMembers,
            ReplyClass.PermanentNegative => _permanentMembers,
            _ => null,
        };

        private static MemberSet CollectMembersOfClass(ImmutableArray<StatusMember> members, ReplyClass replyClass)
        {
            var set = new MemberSet(members.Length);
            foreach (var member in members)
            {
                if (member.Class == replyClass)
                {
                    set.Add(member.Index);
                }
            }

            return set;
        }

        private static ImmutableArray<ImmutableArray<StatusMember>> CollectValuesOfClass(Dictionary<long, ImmutableArray<StatusMember>> byValue, ReplyClass replyClass)
        {
            var values = new List<long>();
            foreach (var pair in byValue)
            {
                if (ReplyClasses.Of(pair.Key) == replyClass)
                {
                    values.Add(pair.Key);
                }
            }

            values.Sort();
            var result = ImmutableArray.CreateBuilder<ImmutableArray<StatusMember>>(values.Count);
            foreach (var value in values)
            {
                result.Add(byValue[value]);
            }

            return result.MoveToImmutable();
        }

        private static string GetMetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
                type = outer;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        private static bool IsObsolete(IFieldSymbol field, INamedTypeSymbol? obsoleteAttribute)
        {
            if (obsoleteAttribute is null)
            {
                return false;
            }

            foreach (var attribute in field.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, obsoleteAttribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
