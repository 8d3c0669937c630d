namespace SecureReqs;

/// <summary>The names of the checks <see cref="ToolDescriptionScanner"/> runs over every text of a tool's description.</summary>
public static class ToolDescriptionChecks
{
    /// <summary>Invisible characters: Unicode tag characters, zero-width characters, bidirectional overrides.</summary>
    public const string HiddenText = "hidden-text";

    /// <summary>Markup that sets text apart for the model: <c>&lt;IMPORTANT&gt;</c>, <c>&lt;system&gt;</c>, HTML comments.</summary>
    public const string HiddenMarkup = "hidden-markup";

    /// <summary>An instruction to read a credential store or private file (<c>~/.ssh</c>, <c>.env</c>, cloud credentials).</summary>
    public const string SensitiveFile = "sensitive-file";

    /// <summary>An instruction to put secrets, the conversation or other tools' data into an argument.</summary>
    public const string DataInArgument = "data-in-argument";

    /// <summary>An instruction to keep something from the user ("do not tell the user").</summary>
    public const string Concealment = "concealment";

    /// <summary>An instruction to call this tool before any other, or on every request.</summary>
    public const string CallOrder = "call-order";

    /// <summary>An instruction about how other tools must be used (tool shadowing), or to redirect their recipients.</summary>
    public const string Shadowing = "shadowing";

    /// <summary>An instruction to send data to an address or URL.</summary>
    public const string Exfiltration = "exfiltration";

    /// <summary>Text addressed to the model itself ("note to the AI").</summary>
    public const string AddressesModel = "addresses-model";

    /// <summary>The prompt-injection detector (untrusted content) scores the text as an injection.</summary>
    public const string Injection = "injection";

    /// <summary>Every check, in the order they run.</summary>
    public static IReadOnlyList<string> All { get; } = [HiddenText, HiddenMarkup, SensitiveFile, DataInArgument, Concealment, CallOrder, Shadowing, Exfiltration, AddressesModel, Injection];
}
