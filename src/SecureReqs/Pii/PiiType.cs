namespace SecureReqs;

/// <summary>A kind of personal data or secret that <see cref="PiiScanner"/> detects.</summary>
/// <remarks>
/// Instances are singletons compared by reference; <see cref="Name"/> is a stable kebab-case identifier used in
/// data files, reports and step text, and <see cref="DisplayName"/> is the wording for people.
/// </remarks>
public sealed class PiiType
{
    private PiiType(string name, string displayName, string maskLabel)
    {
        Name = name;
        DisplayName = displayName;
        MaskLabel = maskLabel;
    }

    /// <summary>A payment card number (validated with the Luhn checksum and issuer prefixes).</summary>
    public static PiiType PaymentCard { get; } = new("payment-card", "payment card number", "card");

    /// <summary>A US social security number.</summary>
    public static PiiType UsSsn { get; } = new("us-ssn", "US social security number", "ssn");

    /// <summary>An international bank account number (validated with ISO 13616 mod-97 and the country's length).</summary>
    public static PiiType Iban { get; } = new("iban", "IBAN", "iban");

    /// <summary>An e-mail address.</summary>
    public static PiiType Email { get; } = new("email", "e-mail address", "email");

    /// <summary>A telephone number (validated with libphonenumber).</summary>
    public static PiiType Phone { get; } = new("phone", "phone number", "phone");

    /// <summary>An IPv4 or IPv6 address.</summary>
    public static PiiType IpAddress { get; } = new("ip-address", "IP address", "ip");

    /// <summary>An API key, access token, private key or password.</summary>
    public static PiiType Secret { get; } = new("secret", "API key or secret", "secret");

    /// <summary>A date of birth; only dates introduced by a label such as <c>DOB:</c> or <c>born on</c>.</summary>
    public static PiiType DateOfBirth { get; } = new("date-of-birth", "date of birth", "dob");

    /// <summary>Every type, in a stable order.</summary>
    public static IReadOnlyList<PiiType> All { get; } = [PaymentCard, UsSsn, Iban, Email, Phone, IpAddress, Secret, DateOfBirth];

    /// <summary>The stable kebab-case identifier, for example <c>payment-card</c>.</summary>
    public string Name { get; }

    /// <summary>The human name, for example <c>payment card number</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The word used inside a mask, for example <c>card</c> in <c>[card ****1111]</c>.</summary>
    public string MaskLabel { get; }

    /// <summary>Finds a type by its <see cref="Name"/>, its <see cref="DisplayName"/> or its mask label, ignoring case.</summary>
    /// <param name="name">The name to look up.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a type.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PiiType? type)
    {
        var trimmed = name?.Trim();
        type = All.FirstOrDefault(t =>
            string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.DisplayName, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.MaskLabel, trimmed, StringComparison.OrdinalIgnoreCase));
        return type is not null;
    }

    /// <summary>Finds a type by name, or throws an exception that lists the known names.</summary>
    /// <param name="name">The name to look up.</param>
    /// <returns>The type.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no type.</exception>
    public static PiiType Parse(string name) =>
        TryParse(name, out var type)
            ? type
            : throw new ArgumentException(
                $"Unknown PII type '{name}'. Known types: {string.Join(", ", All.Select(t => $"{t.Name} ({t.DisplayName})"))}.",
                nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}
