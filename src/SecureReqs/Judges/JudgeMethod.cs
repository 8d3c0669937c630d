namespace SecureReqs;

/// <summary>How a judge reaches its verdicts.</summary>
public enum JudgeMethod
{
    /// <summary>Fixed rules over the text and the evidence: the same answer always gets the same verdict, and no model is asked.</summary>
    Deterministic,

    /// <summary>A model reads the answer and gives a verdict: it can see meaning (a paraphrase, a rule written in plain words)
    /// but it errs, so its verdicts are labelled as semantic and KPIs built on them are corrected for its measured error.</summary>
    Semantic,
}
