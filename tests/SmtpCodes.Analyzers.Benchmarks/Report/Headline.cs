using System.Collections.Generic;
using System.Text;

namespace SmtpCodes.Analyzers.Benchmarks.Report
{
    /// <summary>
    /// The measures a user feels (issue 21): builds with and without the package, and a keystroke in an editor. Each adds
    /// a section (its table, with the load average at its start and end) and its targets' verdicts.
    /// </summary>
    public sealed class Headline
    {
        public List<string> Sections { get; set; } = new();

        public List<TargetResult> Targets { get; set; } = new();

        /// <summary>Where each section and verdict goes as soon as its measure ends (the console), so that a long run shows them early.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public System.Action<string>? Log { get; set; }

        public void Add(string? title, string? section, TargetResult target)
        {
            if (section is not null)
            {
                Sections.Add((title is null ? "" : "### " + title + "\n\n") + section);
                Log?.Invoke(Sections[Sections.Count - 1]);
            }

            Targets.Add(target);
            Log?.Invoke("- " + Spread.Verdict(target.Target, target.Measured, target.Verdict) + "\n");
        }

        /// <summary>The sections, then one verdict line per target.</summary>
        public string ToMarkdown()
        {
            var text = new StringBuilder("## What a user feels\n\n");
            foreach (var section in Sections)
            {
                text.Append(section);
            }

            text.Append("### Verdicts\n\n");
            foreach (var target in Targets)
            {
                text.Append("- ").Append(Spread.Verdict(target.Target, target.Measured, target.Verdict)).Append('\n');
            }

            return text.Append('\n').ToString();
        }
    }
}
