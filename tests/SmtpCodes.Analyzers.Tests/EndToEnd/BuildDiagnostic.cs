using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// One diagnostic line of a <c>dotnet build</c> with the classic console logger:
    /// <c>/path/File.cs(12,34): warning SMTP001: message (https://help) [/path/Project.csproj]</c>, or, for a
    /// diagnostic with no location, <c>CSC : warning SMTP000: message [/path/Project.csproj]</c>.
    /// </summary>
    public sealed record BuildDiagnostic(string Project, string? File, int Line, string Severity, string Id, string Message, string? HelpLink)
    {
        private static readonly Regex s_line = new Regex(
            @"^\s*(?<origin>.*?)(?:\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\))?\s*:\s+(?<severity>warning|error)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\((?<help>https?://[^\s()]+)\))?\s+\[(?<project>[^\]]+)\]\s*$",
            RegexOptions.CultureInvariant);

        /// <summary>The project's name (its file name without extension).</summary>
        public string ProjectName => Path.GetFileNameWithoutExtension(Project);

        /// <summary>Every distinct diagnostic in a build's output (the console logger may print one twice).</summary>
        public static List<BuildDiagnostic> Parse(string output)
        {
            var result = new List<BuildDiagnostic>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in output.Split('\n'))
            {
                var text = raw.TrimEnd('\r');
                var match = s_line.Match(text);
                if (!match.Success || !seen.Add(text.Trim()))
                {
                    continue;
                }

                var hasLine = match.Groups["line"].Success;
                result.Add(new BuildDiagnostic(
                    match.Groups["project"].Value,
                    hasLine ? match.Groups["origin"].Value.Trim() : null,
                    hasLine ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value,
                    match.Groups["help"].Success ? match.Groups["help"].Value : null));
            }

            return result;
        }

        /// <summary>
        /// The short form the assertions compare: <c>Error/Handler.cs(12): warning SMTP001</c> (the path relative to the
        /// project's folder), or <c>warning SMTP000</c> for a diagnostic with no location.
        /// </summary>
        public string Key
        {
            get
            {
                if (File is null)
                {
                    return $"{Severity} {Id}";
                }

                var relative = Path.GetRelativePath(Path.GetDirectoryName(Project)!, File).Replace(Path.DirectorySeparatorChar, '/');
                return $"{relative}({Line}): {Severity} {Id}";
            }
        }

        public override string ToString() => $"{File}({Line}): {Severity} {Id}: {Message}" + (HelpLink is null ? string.Empty : $" ({HelpLink})") + $" [{ProjectName}]";
    }
}
