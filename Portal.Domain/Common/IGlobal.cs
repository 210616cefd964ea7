namespace Portal.Domain.Common;

/// <summary>Ownership marker: shared reference data every signed-in user may read; only platform contexts write it.</summary>
public interface IGlobal;
