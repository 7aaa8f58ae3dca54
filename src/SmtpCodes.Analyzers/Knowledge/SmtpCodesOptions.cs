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
