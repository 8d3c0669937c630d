namespace SecureReqs;

/// <summary>How much one kind of evidence counts, for each <see cref="InjectionSource"/>, from 0 to 1.</summary>
/// <param name="User">The weight in a user turn.</param>
/// <param name="Untrusted">The weight in untrusted content (documents, e-mails, web pages, tool results).</param>
internal readonly record struct SignalWeight(double User, double Untrusted)
{
    /// <summary>The weight for a source.</summary>
    public double For(InjectionSource source) => source == InjectionSource.User ? User : Untrusted;

    /// <summary>The weight scaled by one factor for both sources.</summary>
    public SignalWeight Times(double factor) => new(User * factor, Untrusted * factor);

    /// <summary>The weight scaled by a factor per source (a factor read from the weights file is itself a <see cref="SignalWeight"/>).</summary>
    public SignalWeight Times(SignalWeight factor) => new(User * factor.User, Untrusted * factor.Untrusted);
}
