using System.Globalization;
using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// An absolute check on what the model receives (data minimisation): judged on the requests an in-process target's
/// pipeline reports reaching its model (<see cref="ModelRequestRecordingChatClient"/>), after every control of the
/// pipeline. A black-box endpoint cannot be judged (the story is skipped as not applicable, saying so), and a white-box target that recorded no
/// request to the model in the whole run leaves the check inconclusive, never passed.
/// </summary>
public abstract class ModelInputCheck : AbsoluteCheck
{
    /// <summary>What one request that reached the model did against the requirement; empty when nothing.</summary>
    /// <param name="result">The case.</param>
    /// <param name="number">The request's 1-based number in the case.</param>
    /// <param name="request">The request as the model received it.</param>
    /// <param name="evidence">The story's evidence (the target's public values).</param>
    /// <returns>One line per offence, naming the request and message, never a raw value.</returns>
    protected abstract IEnumerable<string> OffencesIn(CaseResult result, int number, ModelRequestRecord request, StoryEvidence evidence);

    /// <inheritdoc/>
    /// <remarks>Against a black-box endpoint the check does not apply: the story is skipped with one line saying why and
    /// what to run instead, never counted as passed.</remarks>
    public override string? NotApplicable(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Target is { WhiteBox: false } target ? Unobservable(target) : null;
    }

    /// <inheritdoc/>
    protected sealed override IEnumerable<string> Offences(CaseResult result, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!evidence.Context.WhiteBox)
        {
            throw new SecureReqsException(Unobservable(evidence.Target!));
        }

        return result.ModelRequests.SelectMany((request, i) => OffencesIn(result, i + 1, request, evidence));
    }

    /// <inheritdoc/>
    public override RunObserver Observe(StoryEvidence evidence) => new RecordedObserver(this, base.Observe(evidence));

    /// <summary>The pre-flight line for a target whose model input cannot be seen.</summary>
    /// <param name="target">The target.</param>
    /// <returns>The sentence, with the fix.</returns>
    internal static string Unobservable(TargetDefinition target) =>
        $"The target \"{target.Name}\" is a black-box endpoint, so what reaches its model cannot be observed and this step cannot be judged: run the story against the application in process (a white-box target whose pipeline ends with UseModelRequestRecording(); see docs/data-rules.md).";

    // Counts the cases in which the pipeline recorded a request to the model: a run in which none did shows nothing.
    private sealed class RecordedObserver(ModelInputCheck check, RunObserver inner) : RunObserver
    {
        private int _cases;
        private int _recorded;

        public override void Add(CaseResult result)
        {
            _cases++;
            _recorded += result.ModelRequests.Count > 0 ? 1 : 0;
            inner.Add(result);
        }

        public override RequirementResult Finish(RunResult run, StoryEvidence evidence)
        {
            var result = inner.Finish(run, evidence);
            if (_recorded > 0 || result.Verdict != Verdict.Pass)
            {
                return result;
            }

            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"No request to the model was recorded in any of the {_cases} cases, so nothing shows that {check.Statement}. The target \"{evidence.Target?.Name}\" runs in process but its pipeline does not report what reaches the model: add UseModelRequestRecording() as the last (innermost) step of its ChatClientBuilder.");
            return RequirementResult.Absolute(check.Statement, check.Counted, 0, _cases, Verdict.Inconclusive, message);
        }

        public override JsonObject Save()
        {
            var state = inner.Save();
            state["modelInputCases"] = _cases;
            state["modelInputRecorded"] = _recorded;
            return state;
        }

        public override void Merge(JsonObject state, ShardContext context)
        {
            ArgumentNullException.ThrowIfNull(state);
            _cases += ShardJson.Int(state, "modelInputCases");
            _recorded += ShardJson.Int(state, "modelInputRecorded");
            inner.Merge(state, context);
        }
    }
}
