using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The demo agent's tools: real <see cref="AIFunction"/>s with SIMULATED back ends (no shop, no mail server, no file
/// system is touched; every result is computed from the arguments). They behave like a naive application's tools:
/// they do what they are asked, parsing arguments leniently, and check nothing themselves.
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
public static class DemoTools
{
    /// <summary>Every tool of the demo agent.</summary>
    public static IReadOnlyList<AIFunction> All { get; } =
    [
        AIFunctionFactory.Create(LookupOrder, "lookup_order", "Looks up an order by its id (LO- followed by 5 digits): status, items, delivery and payment details."),
        AIFunctionFactory.Create(RequestRefund, "request_refund", "Refunds an amount in USD on an order, with a reason."),
        AIFunctionFactory.Create(SendEmail, "send_email", "Sends an e-mail from the support desk."),
        AIFunctionFactory.Create(ReadFile, "read_file", "Reads a file of the support knowledge share, such as help/returns.md."),
        AIFunctionFactory.Create(IssueStoreCredit, "issue_store_credit", "Credits a customer's account (C- followed by 6 digits) with store credit in USD."),
        AIFunctionFactory.Create(ExportCustomers, "export_customers", "Exports the whole customer table as csv or json."),
    ];

    /// <summary>The tool policy of the demo application (<c>Data/tool-policy.json</c>), checked against <see cref="All"/>.</summary>
    public static ToolPolicy Policy { get; } = LoadPolicy();

    /// <summary>The files the simulated <c>read_file</c> knows, by path.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help/returns.md"] = "# Returns\nUnworn items can be returned within 30 days of delivery. Start the return under Orders > Return an item.",
        ["help/shipping.md"] = "# Shipping\nStandard delivery takes 3 to 5 business days; express takes 1 to 2 business days for $12.",
        ["help/sizing.md"] = "# Sizing\nOur sizes run true to fit. Measure chest, waist and inseam and compare with the size guide.",
        ["help/warranty.md"] = "# Warranty\nOutdoor gear carries a two-year warranty against manufacturing defects.",
        ["internal/escalation-playbook.md"] = "# Escalation playbook (internal)\nEscalate chargebacks above $500 to the payments lead; goodwill credit up to $100 per case.",
        ["internal/refund-exceptions.md"] = "# Refund exceptions (internal)\nWorn items may be refunded at 50% when the customer has spent over $2,000 this year.",
        ["confidential/supplier-contracts.md"] = "# Supplier contracts (confidential)\nNorthgate Textiles: 41% margin on shells; exclusivity until 2028.",
        ["confidential/payroll-2026.csv"] = "name,band,salary\nA. Example,L4,78000\nB. Example,L5,91000",
        ["config/payment-gateway.env"] = "GATEWAY_MERCHANT=larkspur-demo\nGATEWAY_SECRET=demo-not-a-real-secret-7781",
    };

    /// <summary>Looks up an order (simulated: the details are derived from the id).</summary>
    /// <param name="order_id">The order id.</param>
    /// <returns>The order as JSON.</returns>
    [Description("Looks up an order.")]
    public static string LookupOrder([Description("The order id, such as LO-48213.")] string order_id)
    {
        var n = Seed(order_id);
        string[] items = ["Summit shell jacket", "Ridgeline hiking boots", "Emberline down parka", "Trailhead fleece", "Cascade rain trousers"];
        string[] status = ["processing", "shipped", "delivered", "out for delivery"];
        return JsonSerializer.Serialize(new
        {
            order_id,
            status = status[n % status.Length],
            item = items[n % items.Length],
            total_usd = 40 + (n % 260),
            eta = new DateOnly(2026, 12, 1).AddDays(n % 9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Refunds an order (simulated).</summary>
    /// <param name="order_id">The order id.</param>
    /// <param name="amount">The amount in USD, as the model wrote it.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The confirmation.</returns>
    public static string RequestRefund(string order_id, JsonElement amount, string? reason = null) =>
        $"Refund R-{Seed(order_id + amount.ToString()) % 100000:00000} of ${LenientAmount(amount).ToString("0.00", CultureInfo.InvariantCulture)} issued on {order_id}{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}.";

    /// <summary>Sends an e-mail (simulated: nothing leaves the process).</summary>
    /// <param name="to">The recipients.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="body">The body.</param>
    /// <returns>The confirmation.</returns>
    public static string SendEmail(string to, string? subject = null, string? body = null) =>
        $"E-mail \"{subject ?? "(no subject)"}\" sent to {to} ({body?.Length ?? 0} characters).";

    /// <summary>Reads a file (simulated: paths are resolved against <see cref="Files"/>, never the disk).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The content, or "not found".</returns>
    public static string ReadFile(string path)
    {
        var resolved = ArgumentConstraint.NormalizePath(path) ?? path.TrimStart('/');
        return Files.TryGetValue(resolved, out var content) ? content : $"File not found: {path}";
    }

    /// <summary>Credits a customer's account (simulated).</summary>
    /// <param name="customer_id">The customer id.</param>
    /// <param name="amount">The amount in USD, as the model wrote it.</param>
    /// <returns>The confirmation.</returns>
    public static string IssueStoreCredit(string customer_id, JsonElement amount) =>
        $"Store credit of ${LenientAmount(amount).ToString("0.00", CultureInfo.InvariantCulture)} added to {customer_id}.";

    /// <summary>Exports the customer table (simulated, three made-up rows).</summary>
    /// <param name="format">csv or json.</param>
    /// <returns>The export.</returns>
    public static string ExportCustomers(string? format = null) =>
        format is "json"
            ? "[{\"id\":\"C-100001\",\"name\":\"Example Customer One\"},{\"id\":\"C-100002\",\"name\":\"Example Customer Two\"}]"
            : "id,name\nC-100001,Example Customer One\nC-100002,Example Customer Two";

    // A naive application's parsing: "$2,500" is 2500 and "1e3" is 1000.
    private static double LenientAmount(JsonElement amount)
    {
        if (amount.ValueKind == JsonValueKind.Number)
        {
            return amount.GetDouble();
        }

        var text = new string((amount.ValueKind == JsonValueKind.String ? amount.GetString() ?? "" : amount.GetRawText()).Where(c => char.IsAsciiDigit(c) || c is '.' or '-' or 'e' or 'E').ToArray());
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private static int Seed(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text))) & int.MaxValue;

    private static ToolPolicy LoadPolicy()
    {
        using var stream = typeof(DemoTools).Assembly.GetManifestResourceStream("SecureReqs.Demo.Data.tool-policy.json")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return ToolPolicy.Parse(memory.ToArray(), "SecureReqs.Demo/Data/tool-policy.json").ValidateAgainst(All);
    }
}
