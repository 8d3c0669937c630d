using System.CommandLine;
using System.Globalization;
using SecureReqs.Reqnroll;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs plan --at-least 99% | --at-most 2% [--confidence 95%] [--allowed-failures k]</c>: how many cases a
/// requirement needs (exact Clopper–Pearson bounds, the same that judge the stories).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output)
    {
        var atLeast = new Option<string?>("--at-least") { Description = "The rate the story requires at least, such as 99%." };
        var atMost = new Option<string?>("--at-most") { Description = "The rate the story allows at most, such as 2%." };
        var confidence = new Option<string>("--confidence") { Description = "The confidence, such as 95% (the stories' default).", DefaultValueFactory = _ => "95%" };
        var allowed = new Option<int>("--allowed-failures") { Description = "How many cases may go against the requirement (failures for --at-least, counted cases for --at-most).", DefaultValueFactory = _ => 0 };
        var command = new Command("plan", "Print how many cases a requirement needs to be shown at a confidence, with no or a few failures.")
        {
            atLeast,
            atMost,
            confidence,
            allowed,
        };
        command.SetAction(async (parse, _) =>
        {
            var (least, most) = (parse.GetValue(atLeast), parse.GetValue(atMost));
            if ((least is null) == (most is null))
            {
                throw new SecureReqsException("Give exactly one of --at-least or --at-most, for example 'securereqs plan --at-least 99% --confidence 95%'.");
            }

            var failures = parse.GetValue(allowed);
            if (failures < 0)
            {
                throw new SecureReqsException($"--allowed-failures must be 0 or more, not {failures}.");
            }

            var comparison = least is not null ? Comparison.AtLeast : Comparison.AtMost;
            var threshold = Percent(least ?? most!, comparison == Comparison.AtLeast ? "--at-least" : "--at-most");
            var level = Percent(parse.GetValue(confidence)!, "--confidence");
            if (level is < 0.5 or >= 1)
            {
                throw new SecureReqsException($"The confidence {KpiRequirement.Percent(level)} must be at least 50% and below 100%, such as 95%.");
            }

            var claim = $"a rate of {(comparison == Comparison.AtLeast ? "at least" : "at most")} {KpiRequirement.Percent(threshold)} with {KpiRequirement.Percent(level)} confidence";
            var against = Against(comparison, failures);
            var needed = Needed(comparison, threshold, level, failures)
                ?? throw new SecureReqsException($"No number of cases can show {claim} with {against}: an exact bound never reaches {KpiRequirement.Percent(threshold)}. Relax the threshold (for example {(comparison == Comparison.AtLeast ? "at least 99.9%" : "at most 0.1%")}).");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"To show {claim}, run at least {needed} cases with {against}.")).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            int[] rows = [.. new[] { 0, 1, 2, 3, 5, 10, failures }.Distinct().Order()];
            TextTable.Write(
                output,
                [comparison == Comparison.AtLeast ? "Failures allowed" : "Counted cases allowed", "Cases needed"],
                rows.Select(k => (IReadOnlyList<string>)[k.ToString(CultureInfo.InvariantCulture), Needed(comparison, threshold, level, k)?.ToString(CultureInfo.InvariantCulture) ?? "more than 10,000,000"]));
            await output.WriteLineAsync("A story with fewer cases can never pass: 'securereqs run' warns about it. More failures than allowed fail the story; fewer cases leave it inconclusive.").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static string Against(Comparison comparison, int k) => comparison == Comparison.AtLeast
        ? k switch { 0 => "no failure", 1 => "at most 1 failure", _ => $"at most {k} failures" }
        : k switch { 0 => "no counted case (no leak, successful attack or error)", 1 => "at most 1 counted case (a leak, successful attack or error)", _ => $"at most {k} counted cases (leaks, successful attacks, errors)" };

    private static int? Needed(Comparison comparison, double threshold, double confidence, int failures) =>
        comparison == Comparison.AtLeast
            ? ClopperPearson.CasesNeededForAtLeast(threshold, confidence, failures)
            : ClopperPearson.CasesNeededForAtMost(threshold, confidence, failures);

    private static double Percent(string text, string option) =>
        Percentages.Parse(text, option);
}
