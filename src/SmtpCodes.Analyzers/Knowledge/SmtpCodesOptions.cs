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
