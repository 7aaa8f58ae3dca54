using System.Collections.Generic;

namespace SmtpCodes.Analyzers.Tests.Robustness.Sources
{
    /// <summary>A provider of realistic source for the robustness suite. Every set in <see cref="SourceSets.All"/> is analysed, mutated and fixed.</summary>
    public interface ISourceSet
    {
        /// <summary>Short name used in figures and failure messages.</summary>
        string Name { get; }

        /// <summary>The cases, in a stable order (the suite's sampling is seeded per case name).</summary>
        IReadOnlyList<SourceCase> GetCases();
    }

    /// <summary>
    /// The source sets the robustness suite runs on: every test's source text, the sample, hand-written realistic
    /// files and files from the benchmark's corpus generator. To add one, implement <see cref="ISourceSet"/> and add it here.
    /// </summary>
    public static class SourceSets
    {
        public static IReadOnlyList<ISourceSet> All { get; } = new ISourceSet[]
        {
            new TestSourceSet(),
            new SampleSourceSet(),
            new RealisticSmtpSourceSet(),
            new CorpusSourceSet(),
        };
    }
}
