namespace SecureReqs.Reqnroll;

/// <summary>One step binding, as the generated vocabulary shows it.</summary>
/// <param name="Keyword"><c>Given</c>, <c>When</c>, <c>Then</c>, or <c>Given/When/Then</c> for a step of any kind.</param>
/// <param name="Expression">The expression the step text must match.</param>
/// <param name="IsRegex">Whether <paramref name="Expression"/> is a regular expression (otherwise a Cucumber expression).</param>
/// <param name="Summary">What the step means, from the binding's XML summary or <c>[Description]</c>; empty when it has neither.</param>
/// <param name="Examples">Steps as a story writes them, from <see cref="StepExampleAttribute"/>.</param>
/// <param name="Binding">The binding method: <c>SecuritySteps.GivenTheTarget</c>.</param>
public sealed record StepDescriptor(string Keyword, string Expression, bool IsRegex, string Summary, IReadOnlyList<string> Examples, string Binding);
