using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// The key tokens are signed with. <c>Classroom:Gateway:SigningKey</c> (base64, at least 32 bytes) when set: every
/// gateway of a cluster must be given the same one. Otherwise, in the embedded default only, a key generated once and
/// kept in the data folder (<c>signing-key</c>, readable by its owner only), so tokens survive restarts and two
/// deployments on one machine never accept each other's tokens.
/// </summary>
public static class SigningKeys
{
    public const string FileName = "signing-key";
    private const int MinBytes = 32;

    public static SymmetricSecurityKey Load(string? configured, bool clusterMode, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new SymmetricSecurityKey(Decode(configured, "Classroom:Gateway:SigningKey"));
        }

        if (clusterMode)
        {
            throw new InvalidOperationException(
                "Classroom:Gateway:SigningKey is not set: in cluster mode every gateway must be given the same key (base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`).");
        }

        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            return new SymmetricSecurityKey(Decode(File.ReadAllText(path).Trim(), path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinBytes);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, create))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }

        return new SymmetricSecurityKey(key);
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The token signing key in {source} is not base64.");
        }

        return key.Length >= MinBytes
            ? key
            : throw new InvalidOperationException($"The token signing key in {source} has {key.Length} bytes; it needs at least {MinBytes}.");
    }
}
