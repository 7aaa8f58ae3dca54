using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>The <c>smtp_codes.*</c> options of .editorconfig and global AnalyzerConfig files, and how they are read.</summary>
    internal static class SmtpCodesOptions
    {
        internal const string StatusEnumTypesKey = "smtp_codes.status_enum_types";
        internal const string DefaultCountsAsHandledKey = "smtp_codes.default_counts_as_handled";
        internal const string AdditionalReplyCodesKey = "smtp_codes.additional_reply_codes";

        /// <summary>Every option of the family, in the order the documentation lists them.</summary>
        internal static readonly string[] KnownKeys = { StatusEnumTypesKey, DefaultCountsAsHandledKey, AdditionalReplyCodesKey };

        private const string FamilyPrefix = "smtp_codes";

        private static readonly char[] s_listSeparators = { ',' };

        /// <summary>
        /// Every distinct value of <paramref name="key"/> in force in the compilation: the global options and each
        /// source file's .editorconfig options.
        /// </summary>
        internal static List<string> DistinctValues(Compilation compilation, AnalyzerConfigOptionsProvider provider, string key)
        {
            var values = new List<string>();
            if (provider.GlobalOptions.TryGetValue(key, out var global))
            {
                values.Add(global);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(key, out var value) && !Contains(values, value))
                {
                    values.Add(value);
                }
            }

            return values;
        }

        /// <summary>
        /// Every key of the <c>smtp_codes.</c> family in force in the compilation that is none of <see cref="KnownKeys"/>,
        /// lower-cased (keys are case-insensitive), each once, in ordinal order. A key whose part before the first dot is
        /// a near miss of <c>smtp_codes</c> (<c>smtp_code.</c>, <c>smtp-codes.</c>) counts too: it was meant for these
        /// options. Options whose host cannot list its keys (<see cref="AnalyzerConfigOptions.Keys"/> not implemented)
        /// are skipped.
        /// </summary>
        internal static List<string> UnknownKeys(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<AnalyzerConfigOptions>();
            CollectUnknownKeys(provider.GlobalOptions, seen, unknown);
            foreach (var tree in compilation.SyntaxTrees)
            {
                CollectUnknownKeys(provider.GetOptions(tree), seen, unknown);
            }

            return new List<string>(unknown);
        }

        private static void CollectUnknownKeys(AnalyzerConfigOptions options, HashSet<AnalyzerConfigOptions> seen, SortedSet<string> unknown)
        {
            // Files that share .editorconfig sections share one options object: each is listed once.
            if (!seen.Add(options))
            {
                return;
            }

            IEnumerable<string> keys;
            try
            {
                keys = options.Keys;
                foreach (var key in keys)
                {
                    if (key is not null && IsInFamily(key) && !IsKnownKey(key))
                    {
                        unknown.Add(key.ToLowerInvariant());
                    }
                }
            }
            catch (NotImplementedException)
            {
                // A host whose options cannot list their keys (Roslyn's base class throws): nothing to check there.
            }
            catch (NotSupportedException)
            {
            }
        }

        private static bool IsKnownKey(string key)
        {
            foreach (var known in KnownKeys)
            {
                if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the key is meant for these analyzers: its first part is <c>smtp_codes</c>, or one or two edits from it.</summary>
        internal static bool IsInFamily(string key)
        {
            // Cheap first: most keys (dotnet_diagnostic.*, build_property.*) have a first part of another length.
            var dot = key.IndexOf('.');
            if (dot < FamilyPrefix.Length - 2 || dot > FamilyPrefix.Length + 2)
            {
                return false;
            }

            var prefix = key.Substring(0, dot).ToLowerInvariant();
            return prefix == FamilyPrefix || EditDistance(prefix, FamilyPrefix) <= 2;
        }

        /// <summary>The known key nearest to <paramref name="key"/>, and whether it is near enough to be the one meant.</summary>
        internal static (string Key, bool IsLikely) NearestKnownKey(string key)
        {
            var lowered = key.ToLowerInvariant();
            var best = KnownKeys[0];
            var bestDistance = int.MaxValue;
            foreach (var known in KnownKeys)
            {
                var distance = EditDistance(lowered, known);
                if (distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }

            // A third of the key may be wrong: smtp_codes.enum_types still means status_enum_types; smtp_codes.color does not.
            return (best, bestDistance <= Math.Max(2, best.Length / 3));
        }

        /// <summary>Edits (insert, delete, substitute, swap two neighbours) from <paramref name="a"/> to <paramref name="b"/>.</summary>
        private static int EditDistance(string a, string b)
        {
            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previous2[j - 2] + 1);
                    }

                    current[j] = value;
                }

                var recycled = previous2;
                previous2 = previous;
                previous = current;
                current = recycled;
            }

            return previous[b.Length];
        }

        /// <summary>The metadata names listed in a <c>status_enum_types</c> value; blanks are skipped.</summary>
        internal static IEnumerable<string> SplitTypeNames(string value)
        {
            foreach (var part in value.Split(s_listSeparators))
            {
                var name = part.Trim();
                if (name.Length > 0)
                {
                    yield return name;
                }
            }
        }

        /// <summary>Reads <c>default_counts_as_handled</c> for one file; an unreadable value gives the default, false.</summary>
        internal static bool DefaultCountsAsHandled(AnalyzerOptions options, SyntaxTree tree) =>
            options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(DefaultCountsAsHandledKey, out var value)
            && TryParseBoolean(value, out var result)
            && result;

        /// <summary>
        /// Whether <c>additional_reply_codes</c> for one file lists <paramref name="code"/>. Asked only for a number that
        /// is neither a member nor an RFC code, so the value is read where SMTP004 would report, not per number; an
        /// unreadable list counts as empty.
        /// </summary>
        internal static bool IsAdditionalReplyCode(AnalyzerOptions options, SyntaxTree tree, long code) =>
            options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(AdditionalReplyCodesKey, out var value)
            && TryParseReplyCodes(value, out var codes, out _)
            && codes.Contains(code);

        /// <summary>
        /// Reads an <c>additional_reply_codes</c> value: comma-separated three-digit reply codes from 200 to 599, blanks
        /// skipped. False, with the first entry that is none, when one cannot be read.
        /// </summary>
        internal static bool TryParseReplyCodes(string value, out List<long> codes, out string? invalid)
        {
            codes = new List<long>();
            invalid = null;
            foreach (var part in value.Split(s_listSeparators))
            {
                var entry = part.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                if (entry.Length != 3 || entry[0] < '2' || entry[0] > '5' || !IsDigit(entry[1]) || !IsDigit(entry[2]))
                {
                    invalid = entry;
                    codes.Clear();
                    return false;
                }

                codes.Add(((entry[0] - '0') * 100) + ((entry[1] - '0') * 10) + (entry[2] - '0'));
            }

            return true;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        internal static bool TryParseBoolean(string value, out bool result)
        {
            var trimmed = value.Trim();
            if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
            {
                result = true;
                return true;
            }

            if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
            {
                result = false;
                return true;
            }

            result = false;
            return false;
        }

        private static bool Contains(List<string> values, string value)
        {
            foreach (var existing in values)
            {
                if (string.Equals(existing, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
