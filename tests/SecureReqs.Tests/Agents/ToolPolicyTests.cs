using System.Text;
using Microsoft.Extensions.AI;

namespace SecureReqs.Tests;

public class ToolPolicyTests
{
    private const string PolicyJson = """
        {
          "schema": "securereqs.tool-policy/v1",
          "roles": {
            "customer": {
              "tools": {
                "lookup_order": {},
                "request_refund": { "arguments": { "amount": { "min": 0.01, "max": 250 } } },
                "send_email": { "arguments": { "to": { "domains": ["shop.example"] } } },
                "read_file": { "arguments": { "path": { "prefixes": ["help/"] } } }
              }
            },
            "agent": {
              "inherits": "customer",
              "tools": {
                "request_refund": { "arguments": { "amount": { "max": 1000 } } },
                "export_customers": {}
              }
            }
          },
          "approval": ["request_refund", "export_customers"]
        }
        """;

    private static readonly ToolPolicy Policy = ToolPolicy.Parse(Encoding.UTF8.GetBytes(PolicyJson), "policy.json");

    private static readonly AIFunction[] Tools =
    [
        AIFunctionFactory.Create((string order_id) => order_id, "lookup_order"),
        AIFunctionFactory.Create((string order_id, double amount) => amount, "request_refund"),
        AIFunctionFactory.Create((string to, string body) => to, "send_email"),
        AIFunctionFactory.Create((string path) => path, "read_file"),
        AIFunctionFactory.Create((string format) => format, "export_customers"),
    ];

    [Fact]
    public void Evaluate_ToolOutsideTheRole_IsOutOfScope()
    {
        var decision = Policy.Evaluate("customer", "export_customers", new Dictionary<string, object?>());

        decision.Allowed.Should().BeFalse();
        decision.Violations.Should().ContainSingle().Which.Kind.Should().Be(ToolViolation.OutOfScope);
        decision.RequiresApproval.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_UnknownRole_MayCallNothing()
    {
        Policy.Evaluate("admin", "lookup_order", null).Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData(120.0, true)]
    [InlineData(900.0, false)]
    [InlineData(-5.0, false)]
    [InlineData("$2,500", false)]
    [InlineData("1e3", false)]
    [InlineData("249.99 + 900", false)]
    [InlineData("80", true)]
    public void Evaluate_RefundAmount_IsCheckedAgainstItsLimits(object amount, bool allowed)
    {
        Policy.Evaluate("customer", "request_refund", new Dictionary<string, object?> { ["amount"] = amount }).Allowed.Should().Be(allowed);
    }

    [Fact]
    public void Evaluate_InheritedRole_UsesItsOwnLimitForTheSameTool()
    {
        Policy.Evaluate("agent", "request_refund", new Dictionary<string, object?> { ["amount"] = 900.0 }).Allowed.Should().BeTrue();
        Policy.Evaluate("agent", "read_file", new Dictionary<string, object?> { ["path"] = "help/returns.md" }).Allowed.Should().BeTrue();
    }

    [Theory]
    [InlineData("returns@shop.example", true)]
    [InlineData("desk@eu.shop.example", true)]
    [InlineData("returns@shop.example.collect.example", false)]
    [InlineData("returns@shop.example, drop@evil.example", false)]
    [InlineData("\"Shop Returns\" <x@evil.example>", false)]
    [InlineData("shop.example@evil.example", false)]
    [InlineData("returns@shоp.example", false)]
    [InlineData("x%40shop.example@evil.example", false)]
    [InlineData("not an address", false)]
    public void Evaluate_Recipients_MustAllBeInTheAllowedDomains(string to, bool allowed)
    {
        Policy.Evaluate("customer", "send_email", new Dictionary<string, object?> { ["to"] = to }).Allowed.Should().Be(allowed);
    }

    [Theory]
    [InlineData("help/returns.md", true)]
    [InlineData("./help/sizing.md", true)]
    [InlineData("help/../confidential/payroll.csv", false)]
    [InlineData("help/%2e%2e/config/gateway.env", false)]
    [InlineData("help\\..\\..\\config\\gateway.env", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("helpdesk/notes.md", false)]
    public void Evaluate_Paths_AreNormalizedBeforeThePrefixCheck(string path, bool allowed)
    {
        Policy.Evaluate("customer", "read_file", new Dictionary<string, object?> { ["path"] = path }).Allowed.Should().Be(allowed);
    }

    [Fact]
    public void ValidateAgainst_PolicyNamingAToolThatDoesNotExist_NamesTheFileLineAndKnownTools()
    {
        var json = PolicyJson.Replace("\"lookup_order\": {}", "\"lookup_ordr\": {}", StringComparison.Ordinal);
        var policy = ToolPolicy.Parse(Encoding.UTF8.GetBytes(json), "policy.json");

        var act = () => policy.ValidateAgainst(Tools);

        act.Should().Throw<SecureReqsException>().WithMessage("policy.json:6:*the tool \"lookup_ordr\", which the target does not offer*Known tools: export_customers, lookup_order*");
    }

    [Fact]
    public void ValidateAgainst_ConstraintOnAnArgumentTheToolLacks_IsAnError()
    {
        var json = PolicyJson.Replace("\"path\": { \"prefixes\"", "\"file\": { \"prefixes\"", StringComparison.Ordinal);

        var act = () => ToolPolicy.Parse(Encoding.UTF8.GetBytes(json), "policy.json").ValidateAgainst(Tools);

        act.Should().Throw<SecureReqsException>().WithMessage("*argument \"file\" of \"read_file\"*Its parameters: path*");
    }

    [Fact]
    public void ValidateAgainst_MatchingTools_Passes()
    {
        Policy.ValidateAgainst(Tools).Should().BeSameAs(Policy);
    }

    [Theory]
    [InlineData("{ \"schema\": \"securereqs.tool-policy/v1\", \"roles\": { ", "not valid JSON")]
    [InlineData("{ \"schema\": \"other\", \"roles\": {} }", "\"schema\" must be")]
    [InlineData("{ \"schema\": \"securereqs.tool-policy/v1\", \"roles\": { \"c\": { \"tools\": { \"t\": { \"arguments\": { \"a\": { \"most\": 3 } } } } } } }", "unknown or malformed rule \"most\"")]
    [InlineData("{ \"schema\": \"securereqs.tool-policy/v1\", \"roles\": { \"c\": { \"inherits\": \"d\", \"tools\": {} } } }", "inherits the unknown role \"d\"")]
    public void Parse_MalformedPolicy_SaysWhereAndWhat(string json, string problem)
    {
        var act = () => ToolPolicy.Parse(Encoding.UTF8.GetBytes(json), "bad.json");

        act.Should().Throw<SecureReqsException>().Where(e => e.Message.StartsWith("bad.json:", StringComparison.Ordinal) && e.Message.Contains(problem, StringComparison.Ordinal));
    }
}
