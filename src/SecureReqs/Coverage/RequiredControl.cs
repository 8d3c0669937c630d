namespace SecureReqs;

/// <summary>A control a milestone of a coverage policy requires, and where the policy names it.</summary>
/// <param name="Framework">The control's framework.</param>
/// <param name="Control">The control.</param>
/// <param name="Location">"file:line:column" of its entry in the policy, for messages.</param>
public sealed record RequiredControl(ControlFramework Framework, ControlDefinition Control, string Location)
{
    /// <summary>The control as a story tags it and the policy names it: <c>owasp:LLM01</c>.</summary>
    public string Tag => Control.Tag;
}
