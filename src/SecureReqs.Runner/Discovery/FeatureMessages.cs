using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace SecureReqs.Runner;

/// <summary>The Cucumber messages of one feature, built at run time instead of embedded by the code generator.</summary>
internal sealed class FeatureMessages(Source source, GherkinDocument gherkinDocument, IReadOnlyList<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument { get; } = gherkinDocument;

    public IEnumerable<Pickle> Pickles { get; } = pickles;

    public Source Source { get; } = source;
}
