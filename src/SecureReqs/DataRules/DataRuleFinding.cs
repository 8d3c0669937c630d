namespace SecureReqs;

/// <summary>One record that breaks a data rule: where, which field, which rule, and masked evidence.</summary>
/// <param name="File">The file, as the story writes it.</param>
/// <param name="Line">The record's 1-based line.</param>
/// <param name="Field">The field, such as <c>email</c> or <c>contact.phone</c>.</param>
/// <param name="Rule">The rule, as the story states it.</param>
/// <param name="Description">What is wrong, such as <c>unmasked US social security number in a restricted field</c>.</param>
/// <param name="Evidence">The value with every PII value masked (<see cref="EvidenceMasker"/>), shortened; empty when there is none.</param>
/// <remarks>Security contract: no member holds a raw PII value, so findings may be logged and reported.</remarks>
public sealed record DataRuleFinding(string File, long Line, string Field, string Rule, string Description, string Evidence)
{
    /// <summary>The finding as one line: <c>file:line field "x": what (evidence) [rule]</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{File}:{Line} field \"{Field}\": {Description}{(Evidence.Length > 0 ? $" ({Evidence})" : "")}";
}
