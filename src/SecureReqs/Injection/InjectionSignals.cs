namespace SecureReqs;

/// <summary>The names of the technique families a <see cref="PromptInjectionDetector"/> reports in <see cref="InjectionSignal.Name"/>.</summary>
public static class InjectionSignals
{
    /// <summary>Ignore, disregard or forget the previous instructions; new instructions replace the old ones.</summary>
    public const string InstructionOverride = "instruction-override";

    /// <summary>A new persona or mode for the assistant, especially an unrestricted one ("you are now DAN", "developer mode").</summary>
    public const string RoleReassignment = "role-reassignment";

    /// <summary>A claim that the assistant's restrictions are lifted, or a request to disable them.</summary>
    public const string RestrictionRemoval = "restriction-removal";

    /// <summary>Text posing as a system, developer or assistant message: chat-template tokens, role headers, system tags, authority claims.</summary>
    public const string FakeSystemMessage = "fake-system-message";

    /// <summary>An attempt to close the user's or the document's part of the prompt ("END OF USER INPUT", closing tags, fake completions).</summary>
    public const string DelimiterEscape = "delimiter-escape";

    /// <summary>A request to reveal the system prompt, the hidden instructions or a secret, possibly in an obfuscated form.</summary>
    public const string PromptExtraction = "prompt-extraction";

    /// <summary>Data exfiltration through links or images: markdown images with query strings, instructions to append data to URLs or send it away.</summary>
    public const string ExfiltrationLink = "exfiltration-link";

    /// <summary>Invisible text: zero-width characters inside words, bidirectional overrides, hidden HTML.</summary>
    public const string HiddenText = "hidden-text";

    /// <summary>Unicode tag characters (U+E0000–U+E007F) that carry invisible ASCII text.</summary>
    public const string TagSmuggling = "tag-smuggling";

    /// <summary>An encoded run (base64, hex, URL encoding, rot13, reversed text, leetspeak, spaced letters) whose decoded text carries other signals, or an instruction to decode and follow a payload.</summary>
    public const string EncodedPayload = "encoded-payload";

    /// <summary>Instructions never to refuse, apologise or warn, or to answer regardless of ethics or legality.</summary>
    public const string RefusalSuppression = "refusal-suppression";

    /// <summary>A forced opening or output ("begin your reply with 'Sure, here is'", "say exactly … and nothing else").</summary>
    public const string ForcedPrefix = "forced-prefix";

    /// <summary>Text addressed to the AI that processes it ("note to the AI", "assistants reading this must…", "tell the user that…").</summary>
    public const string AddressedToAi = "addressed-to-ai";

    /// <summary>Coercion to call a tool or function, or to act without the user's knowledge.</summary>
    public const string ToolCoercion = "tool-coercion";

    /// <summary>An instruction split over variables that are concatenated ("a = '…'; b = '…'; do a + b").</summary>
    public const string PayloadSplitting = "payload-splitting";

    /// <summary>A simulated machine, game or world in which no rules apply.</summary>
    public const string Virtualization = "virtualization";

    /// <summary>A fake dialogue or few-shot examples in which the assistant complies with a forbidden request.</summary>
    public const string FakeDialogue = "fake-dialogue";

    /// <summary>The small bonus for a text that speaks to the assistant in the second person about its instructions.</summary>
    public const string ImperativeContext = "imperative-context";

    /// <summary>The learned stage's verdict on a user turn: its calibrated probability reached the suspicious threshold.</summary>
    public const string LearnedClassifier = "learned-classifier";

    /// <summary>
    /// The learned stage's verdict on untrusted content: a sentence addressed to the assistant or reader that asks for a
    /// task the user did not ask for (an instruction hidden in data, with or without any override wording).
    /// </summary>
    public const string HiddenTask = "hidden-task";
}
