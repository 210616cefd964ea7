using System.Text;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Bootstrap;

/// <summary>
/// What the console shows once the server listens: the address to open and the accounts this start created, in one block
/// after the framework's and the scheduler's start-up lines, so a newcomer does not have to search the log for them.
/// </summary>
public sealed class StartupBanner
{
    private IReadOnlyList<CreatedLogin> created = [];

    /// <summary>The accounts the first run created (their passwords are stored hashed only: this is the one time they show).</summary>
    public void Record(IReadOnlyList<CreatedLogin> logins) => created = logins;

    public string Describe(IEnumerable<string> addresses)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("======================================== Portal est prêt ========================================");
        foreach (var address in addresses)
        {
            text.AppendLine($"  Ouvrez : {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
        }

        if (created.Count > 0)
        {
            text.AppendLine("  Comptes créés (mots de passe affichés une seule fois) :");
            foreach (var login in created)
            {
                text.AppendLine($"  {Labels.Role(login.Role),-26} identifiant: {login.Identifier,-26} mot de passe: {login.Password}");
            }

            text.AppendLine("  Chaque compte doit changer son mot de passe à la première connexion (page /account/login).");
        }

        text.AppendLine("==================================================================================================");
        created = []; // shown once: the passwords do not stay in the server's memory
        return text.ToString();
    }
}
