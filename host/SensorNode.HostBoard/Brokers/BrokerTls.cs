namespace SensorNode.HostBoard.Brokers
{
    /// <summary>A broker's TLS files (PEM): the CA it names, its certificate and that certificate's private key.</summary>
    public sealed record BrokerTls(string CaFile, string CertFile, string KeyFile);
}
