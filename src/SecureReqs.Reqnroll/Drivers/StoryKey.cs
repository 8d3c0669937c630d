namespace SecureReqs.Reqnroll;

/// <summary>
/// The id a host gives the current scenario, so it can find the scenario's journal record afterwards. A host registers
/// one per scenario in the scenario container; without one the id is empty.
/// </summary>
public sealed class StoryKey
{
    /// <summary>Creates an empty key.</summary>
    public StoryKey()
        : this("")
    {
    }

    /// <summary>Creates a key.</summary>
    /// <param name="id">The id.</param>
    public StoryKey(string id)
    {
        Id = id;
    }

    /// <summary>The id.</summary>
    public string Id { get; }
}
