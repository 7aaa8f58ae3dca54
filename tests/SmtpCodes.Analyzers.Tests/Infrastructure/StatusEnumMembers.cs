using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The members of each status enum, read independently of the analyzer: by reflection from the real assemblies,
    /// and from the declaration text for Aspose.
    /// </summary>
    public static class StatusEnumMembers
    {
        public static IReadOnlyList<(string Name, long Value)> Of(StatusEnumKind kind)
        {
            var members = new List<(string Name, long Value)>();
            if (kind.Declaration is { } declaration)
            {
                foreach (Match match in Regex.Matches(declaration, @"(\w+) = (-?\d+),"))
                {
                    members.Add((match.Groups[1].Value, long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
                }

                return members;
            }

            var type = kind == StatusEnumKind.SystemNetMail ? typeof(System.Net.Mail.SmtpStatusCode)
                : kind == StatusEnumKind.MailKit ? typeof(MailKit.Net.Smtp.SmtpStatusCode)
                : typeof(SmtpServer.Protocol.SmtpReplyCode);
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetCustomAttribute<ObsoleteAttribute>() is null)
                {
                    members.Add((field.Name, Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            return members;
        }

        /// <summary>The members whose value is in [<paramref name="from"/>, <paramref name="to"/>), sorted by value.</summary>
        public static List<(string Name, long Value)> Between(StatusEnumKind kind, long from, long to)
        {
            var result = new List<(string Name, long Value)>();
            foreach (var member in Of(kind))
            {
                if (member.Value >= from && member.Value < to)
                {
                    result.Add(member);
                }
            }

            result.Sort((a, b) => a.Value.CompareTo(b.Value));
            return result;
        }
    }
}
