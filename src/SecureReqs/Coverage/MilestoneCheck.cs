namespace SecureReqs;

/// <summary>Whether one control a milestone requires is covered by passing stories.</summary>
/// <param name="Required">The required control.</param>
/// <param name="Stories">The stories tagged with it (or, for a NIST function, with one of its subcategories).</param>
/// <param name="Problem">Why it does not hold, for a product manager; null when every tagged story passed.</param>
public sealed record MilestoneCheck(RequiredControl Required, IReadOnlyList<TaggedStory> Stories, string? Problem)
{
    /// <summary>Whether at least one story is tagged with the control and every one of them passed.</summary>
    public bool Passed => Problem is null;
}
