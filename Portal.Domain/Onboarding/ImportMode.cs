namespace Portal.Domain.Onboarding;

/// <summary>What a run does with the company's data.</summary>
public enum ImportMode
{
    /// <summary>The onboarding wizard's first import (platform staff): every product code must be new.</summary>
    Onboarding,

    /// <summary>The company's own later imports: new codes are created, known codes updated, sales appended.</summary>
    Append,
}
