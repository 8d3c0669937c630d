using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>The signal families of the pattern stage, built once from the weights file and shared by every scan.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class InjectionFamilies
{
    private static readonly Lazy<InjectionFamilies> DefaultFamilies = new(() => Create(InjectionWeights.LoadEmbedded()));

    private InjectionFamilies(InjectionWeights weights)
    {
        W = weights;
        var instructionOverride = new InstructionOverrideFamily(weights.Family(InstructionOverride));
        var roleReassignment = new RoleReassignmentFamily(weights.Family(RoleReassignment));
        var promptExtraction = new PromptExtractionFamily(weights.Family(PromptExtraction));
        var exfiltration = new ExfiltrationLinkFamily(weights.Family(ExfiltrationLink));
        var forcedPrefix = new ForcedPrefixFamily(weights.Family(ForcedPrefix));
        Encoded = new EncodedPayloadFamily(weights.Family(EncodedPayload));
        Hidden = new HiddenTextFamily(weights.Family(HiddenText), weights.Family(TagSmuggling));
        All =
        [
            instructionOverride,
            roleReassignment,
            new RestrictionRemovalFamily(weights.Family(RestrictionRemoval)),
            new FakeSystemMessageFamily(weights.Family(FakeSystemMessage)),
            new DelimiterEscapeFamily(weights.Family(DelimiterEscape)),
            promptExtraction,
            exfiltration,
            new RefusalSuppressionFamily(weights.Family(RefusalSuppression)),
            forcedPrefix,
            new AddressedToAiFamily(weights.Family(AddressedToAi)),
            new ToolCoercionFamily(weights.Family(ToolCoercion)),
            new VirtualizationFamily(weights.Family(Virtualization)),
            new FakeDialogueFamily(weights.Family(FakeDialogue)),
            Encoded,
            Hidden,
            new PayloadSplittingFamily(weights.Family(PayloadSplitting)),
        ];
        Demands = new DemandWeights(forcedPrefix, exfiltration);
        var scoring = weights.Family("scoring");
        ReportedSpeechDiscount = scoring["reported-speech-factor"];
        var context = weights.Family(ImperativeContext);
        SecondPerson = context["second-person-about-instructions"];
        SquashedOverride = weights.Family(InstructionOverride)["joined-letters"];
        SquashedExtraction = weights.Family(PromptExtraction)["joined-letters"];
        SquashedRole = weights.Family(RoleReassignment)["joined-letters"];
    }

    /// <summary>The families built from the embedded weights file, read and validated on first use.</summary>
    public static InjectionFamilies Default => DefaultFamilies.Value;

    /// <summary>The weights the families were built from.</summary>
    public InjectionWeights W { get; }

    /// <summary>Every family, in the order they scan.</summary>
    public IReadOnlyList<IInjectionFamily> All { get; }

    /// <summary>The encoded-payload family, whose bonuses the decoders add.</summary>
    public EncodedPayloadFamily Encoded { get; }

    /// <summary>The hidden-text family, which also reads what folding found.</summary>
    public HiddenTextFamily Hidden { get; }

    /// <summary>The weights of demanded outputs.</summary>
    public DemandWeights Demands { get; }

    /// <summary>The factor for evidence quoted or reported in a text that discusses attacks.</summary>
    public SignalWeight ReportedSpeechDiscount { get; }

    /// <summary>The bonus for a text with evidence that speaks to the assistant about its instructions.</summary>
    public SignalWeight SecondPerson { get; }

    /// <summary>An override written without spaces ("ignorepreviousinstructions").</summary>
    public SignalWeight SquashedOverride { get; }

    /// <summary>An extraction written without spaces.</summary>
    public SignalWeight SquashedExtraction { get; }

    /// <summary>A persona written without spaces.</summary>
    public SignalWeight SquashedRole { get; }

    /// <summary>Builds the families from weights and checks that the file holds exactly the weights they read.</summary>
    /// <param name="weights">The weights.</param>
    /// <returns>The families.</returns>
    /// <exception cref="DataFileException">A weight is missing, or one in the file is read by no family.</exception>
    public static InjectionFamilies Create(InjectionWeights weights)
    {
        var families = new InjectionFamilies(weights);
        var known = weights.Families.Where(f => f.IsRequested).Select(f => f.Family).Order(StringComparer.Ordinal).ToList();
        foreach (var family in weights.Families)
        {
            family.ThrowIfUnread(known);
        }

        return families;
    }
}
