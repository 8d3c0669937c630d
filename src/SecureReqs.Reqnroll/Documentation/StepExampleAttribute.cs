namespace SecureReqs.Reqnroll;

/// <summary>A step as a story writes it, for the generated step vocabulary (<c>securereqs steps</c>, <c>docs/steps.md</c>).</summary>
/// <param name="example">The whole step line with its keyword, such as <c>Then the redaction rate is at least 99%</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class StepExampleAttribute(string example) : Attribute
{
    /// <summary>The step line.</summary>
    public string Example { get; } = example;
}
