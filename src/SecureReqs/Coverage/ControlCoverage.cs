namespace SecureReqs;

/// <summary>One row of the control matrix: a control, its status, and the stories tagged with it.</summary>
/// <param name="Framework">The framework.</param>
/// <param name="Control">The control.</param>
/// <param name="Status">Its status.</param>
/// <param name="Stories">The stories tagged with it, in the order given.</param>
public sealed record ControlCoverage(ControlFramework Framework, ControlDefinition Control, ControlStatus Status, IReadOnlyList<TaggedStory> Stories)
{
    /// <summary>How many tagged stories ended with <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(StoryStatus status) => Stories.Count(s => s.Status == status);
}
