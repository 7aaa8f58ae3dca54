using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>What the compilations under test reference: .NET 10 reference assemblies, and the real MailKit, SmtpServer and Polly.</summary>
    public static class TestReferences
    {
        /// <summary>.NET 10 reference assemblies: System.Net.Mail is there.</summary>
        public static ReferenceAssemblies Net10 { get; } = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"),
            Path.Combine("ref", "net10.0"));

        /// <summary>MailKit, MimeKit and SmtpServer, from the packages this test project references (nothing is downloaded).</summary>
        public static ImmutableArray<MetadataReference> MailLibraries { get; } = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(SmtpServer.SmtpServer).Assembly.Location));

        /// <summary>Polly 8.9.1: its v7 API (<c>Policy.Handle&lt;T&gt;()</c>, Polly.dll) and v8's (<c>RetryStrategyOptions</c>, Polly.Core.dll).</summary>
        public static ImmutableArray<MetadataReference> Polly { get; } = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(global::Polly.Policy).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(global::Polly.ResiliencePipelineBuilder).Assembly.Location));

        /// <summary>Every library the code under test may use: the mail libraries and Polly.</summary>
        public static ImmutableArray<MetadataReference> Libraries { get; } = MailLibraries.AddRange(Polly);
    }
}
