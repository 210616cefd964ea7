namespace Portal.Infrastructure.Onboarding;

public sealed record UploadedFile(string Key, string Name, long Size, DateTime At, IReadOnlyList<string> Notes);
