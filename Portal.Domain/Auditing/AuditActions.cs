namespace Portal.Domain.Auditing;

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignOut = "sign_out";
    public const string ChangePassword = "change_password";
    public const string ChangePasswordFailed = "change_password_failed";
    public const string BootstrapAdmin = "bootstrap_admin";
    public const string CreateTenant = "create_tenant";
    public const string CreateSite = "create_site";
    public const string UpdateSite = "update_site";
    public const string DeactivateSite = "deactivate_site";
    public const string CrossTenantAccess = "cross_tenant_access";
    public const string CreateUsers = "create_users";
    public const string RegenerateTemporaryPassword = "regenerate_temporary_password";
    public const string DownloadTemplate = "download_template";
    public const string UploadTemplate = "upload_template";
    public const string TestImport = "test_import";
    public const string ImportData = "import_data";
    public const string RequeueMessage = "requeue_message";
    public const string SendTestMessage = "send_test_message";
    public const string ChangeMessagePreferences = "change_message_preferences";
    public const string ChangeForecastSettings = "change_forecast_settings";
    public const string ExportData = "export_data";
    public const string ChangeAlertRules = "change_alert_rules";
}
