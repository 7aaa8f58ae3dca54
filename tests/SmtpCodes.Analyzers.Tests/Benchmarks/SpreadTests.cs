using System.Collections.Generic;
using SmtpCodes.Analyzers.Benchmarks.Report;

namespace SmtpCodes.Analyzers.Tests.Benchmarks
{
    /// <summary>The statistics and the load average the benchmark's headline prints (Report/Spread.cs, compiled in here).</summary>
    public class SpreadTests
    {
        [Theory]
        [InlineData(new[] { 3.0 }, 3.0)]
        [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
        [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
        public void Median_of_odd_and_even_counts_in_any_order(double[] values, double median) =>
            Assert.Equal(median, Spread.Median(values));

        [Fact]
        public void Median_of_nothing_is_refused() =>
            Assert.Throws<System.ArgumentException>(() => Spread.Median(new List<double>()));

        [Fact]
        public void Describe_gives_the_median_then_the_lowest_and_highest() =>
            Assert.Equal("1.043 (0.981–1.120)", Spread.Describe(new[] { 1.12, 0.981, 1.043 }, "F3"));

        [Fact]
        public void Verdict_line_names_the_target_the_measure_and_the_verdict() =>
            Assert.Equal("(c) at most 5 ms: +1.2 ms: **holds**", Spread.Verdict("(c) at most 5 ms", "+1.2 ms", "holds"));

        [Theory]
        [InlineData("1.38 0.49 0.17 1/86 3549\n", "1.38 0.49 0.17")]
        [InlineData("31.63 27.69 18.13 25/399 1443", "31.63 27.69 18.13")]
        [InlineData("1.38 0.49", null)]
        [InlineData("busy busy busy 1/2 3", null)]
        [InlineData("", null)]
        public void Load_average_is_the_first_three_numbers_of_proc_loadavg(string text, string? expected) =>
            Assert.Equal(expected, LoadAverage.Parse(text));
    }
}
