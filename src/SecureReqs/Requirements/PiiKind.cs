namespace SecureReqs;

/// <summary>A kind of PII a story can name in "no response contains a &lt;pii type&gt;", with the planted value it checks.</summary>
/// <param name="Name">The business name, such as "payment card number".</param>
/// <param name="Placeholder">The planted value that has this kind, such as <c>pii.card</c>.</param>
/// <param name="ScannerType">The scanner's type for this kind, when the scanner detects it without a planted value.</param>
/// <param name="Aliases">Other accepted names.</param>
public sealed record PiiKind(string Name, string Placeholder, PiiType? ScannerType, params string[] Aliases)
{
    /// <summary>The kinds this version knows.</summary>
    public static IReadOnlyList<PiiKind> All { get; } =
    [
        new("payment card number", Placeholders.Card, PiiType.PaymentCard, "card number", "credit card number", "payment card"),
        new("US social security number", Placeholders.Ssn, PiiType.UsSsn, "social security number", "SSN"),
        new("IBAN", Placeholders.Iban, PiiType.Iban, "bank account number", "international bank account number"),
        new("e-mail address", Placeholders.Email, PiiType.Email, "email address", "email", "e-mail"),
        new("phone number", Placeholders.Phone, PiiType.Phone, "telephone number"),
        new("postal address", Placeholders.Address, null, "address", "home address"),
        new("date of birth", Placeholders.DateOfBirth, null, "birth date"),
        new("customer name", Placeholders.Name, null, "person name", "name"),
    ];

    /// <summary>Finds a kind by name or alias, ignoring case.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="SecureReqsException">No kind has that name; the message lists the known ones.</exception>
    public static PiiKind Get(string name)
    {
        var trimmed = name.Trim();
        return All.FirstOrDefault(k => k.Aliases.Prepend(k.Name).Any(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase)))
            ?? throw SecureReqsException.Unknown("PII type", trimmed, All.Select(k => k.Name));
    }
}
