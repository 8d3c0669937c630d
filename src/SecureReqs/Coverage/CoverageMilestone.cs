namespace SecureReqs;

/// <summary>A milestone of a coverage policy (alpha, beta, GA) and the controls that passing stories must cover by then.</summary>
/// <param name="Name">The milestone's name, as <c>securereqs gate --milestone</c> names it.</param>
/// <param name="Description">What the milestone is, or empty.</param>
/// <param name="Controls">The required controls, those of the milestones it includes first, each once.</param>
public sealed record CoverageMilestone(string Name, string Description, IReadOnlyList<RequiredControl> Controls);
