namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The end-to-end test classes share one <see cref="PackageFixture"/>: the package is packed, and the consumers restored
    /// and built, once per test run. The classes of a collection run one after the other.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Packed package";
    }
}
