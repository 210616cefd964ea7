namespace Portal.Infrastructure.Spreadsheets;

/// <summary>The uploaded file cannot be read as the template (wrong type, too big, missing sheet...). The message is for the user, in French.</summary>
public sealed class ImportFileException(string message) : Exception(message);
