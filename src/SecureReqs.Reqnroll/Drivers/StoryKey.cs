namespace SecureReqs.Reqnroll;

/// <summary>
/// The id a host gives the current scenario, so it can find the scenario's journal record afterwards. A host registers
/// one per scenario in the scenario container; without one the id is empty.
/// </summary>
public sealed class StoryKey
{
    /// <summary>The id.</summary>
    /// <value>The default value is empty.</value>
    public string Id { get; init; } = "";
}
