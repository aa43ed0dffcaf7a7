using System.Net;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using PlugInnan.Silo.Settings;

namespace PlugInnan.Silo;

/// <summary>
/// TLS between the silos of a cluster and on the gateway, with one certificate for the whole cluster:
/// each side presents it and accepts only a peer presenting the same one (pinned by thumbprint), so
/// only holders of the cluster's key can join the cluster or call grains past the API's checks.
/// </summary>
internal static class ClusterTlsExtensions
{
    public static void UseClusterTls(this ISiloBuilder silo, ClusterSettings endpoints, IPAddress advertised)
    {
        if (string.IsNullOrWhiteSpace(endpoints.CertificatePath))
        {
            var reachable = endpoints.ListenOnAnyAddress || !IPAddress.IsLoopback(advertised);
            if (reachable && !endpoints.AllowPlaintextOnNetwork)
            {
                throw new SettingsException(
                    $"{ClusterSettings.Section}:CertificatePath is not set, but the silo port is reachable from other machines ({ClusterSettings.Section}:AdvertisedAddress " +
                    $"{advertised}{(endpoints.ListenOnAnyAddress ? ", ListenOnAnyAddress" : "")}): give the cluster a certificate, or set {ClusterSettings.Section}:AllowPlaintextOnNetwork=true on a network protected otherwise.");
            }

            return;
        }

        var certificate = Load(endpoints.CertificatePath, endpoints.CertificatePassword);
        silo.UseTls(certificate, options => Pin(options, certificate));
    }

    /// <summary>Both directions: present the certificate, require the peer's, accept only the same one.</summary>
    public static void Pin(TlsOptions options, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.Thumbprint == certificate.Thumbprint;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new SettingsException($"{ClusterSettings.Section}:CertificatePath {path} holds no private key; the cluster certificate needs one.");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"{ClusterSettings.Section}:CertificatePath {path} could not be read ({e.Message}); check the file and {ClusterSettings.Section}:CertificatePassword.");
        }
    }
}
