using System.Reflection;
using Reqnroll.BoDi;

namespace SecureReqs.Runner;

/// <summary>How a host sets up one Reqnroll test run.</summary>
internal sealed class SessionOptions
{
    public required Assembly TestAssembly { get; init; }

    public IReadOnlyCollection<Assembly> BindingAssemblies { get; init; } = [];

    /// <summary>Gets the reports override; <see langword="null"/> keeps the <c>formatters</c> of <c>reqnroll.json</c>.</summary>
    public ReportSettings? Reports { get; init; }

    public Action<string>? Output { get; init; }

    public Action<IObjectContainer>? ConfigureGlobalContainer { get; init; }

    public UnitTestRuntimeBehavior Behavior { get; init; } = UnitTestRuntimeBehavior.Default;
}
