namespace SecureReqs;

/// <summary>A list of cases that are filled when read, and can also give a case as planned without filling it.</summary>
public interface IPlannedCases
{
    /// <summary>Case <paramref name="index"/> as planned: its kind, oracle, caller and turns as written, placeholders unfilled.</summary>
    /// <param name="index">The case's position.</param>
    /// <returns>The unfilled case.</returns>
    CaseInstance Planned(int index);
}
