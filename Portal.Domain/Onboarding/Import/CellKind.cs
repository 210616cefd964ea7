namespace Portal.Domain.Onboarding.Import;

public enum CellKind
{
    Empty,
    Number,
    Text,
    Boolean,
    Error,
}
