package io.longlink.kit.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which TLS certificates the kit trusts: the JDK's CAs, plus those of a PEM file
 * ({@code --ca-file}, for staging servers with a private CA), or anything at all
 * ({@code --insecure}, for self-signed test servers).
 */
public final class TlsTrust {

  private TlsTrust() {}

  /**
   * Configures an OkHttp client to trust what {@code insecure} and {@code caFile} say.
   *
   * @param caFile a PEM file of extra trusted CA certificates, or null
   * @throws IllegalArgumentException when the PEM file cannot be read or holds no certificate;
   *     the message names the file and what to do
   */
  public static OkHttpClient.Builder apply(OkHttpClient.Builder client, boolean insecure, Path caFile) {
    if (!insecure && caFile == null) {
      return client;
    }
    X509TrustManager trust = insecure ? new TrustAll() : withExtraCas(caFile);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      client.sslSocketFactory(context.getSocketFactory(), trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a TLS context: " + e.getMessage(), e);
    }
    if (insecure) {
      client.hostnameVerifier((host, session) -> true);
    }
    return client;
  }

  private static X509TrustManager withExtraCas(Path caFile) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("--ca-file " + caFile + ": cannot read it (" + e.getMessage()
          + "); give a readable PEM file of CA certificates", e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("--ca-file " + caFile + ": not a PEM file of certificates (" + e.getMessage()
          + "); it should hold -----BEGIN CERTIFICATE----- blocks", e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("--ca-file " + caFile + ": holds no certificate; it should hold "
          + "-----BEGIN CERTIFICATE----- blocks");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      return new Either(trustManager(null), trustManager(store));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot make a trust store: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** Trusts what the JDK trusts or what the extra CAs sign. */
  private record Either(X509TrustManager jdk, X509TrustManager extra) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        jdk.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        extra.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> issuers = new ArrayList<>(List.of(jdk.getAcceptedIssuers()));
      issuers.addAll(List.of(extra.getAcceptedIssuers()));
      return issuers.toArray(new X509Certificate[0]);
    }
  }

  /** Trusts every certificate: --insecure, for self-signed test servers only. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // --insecure: the person asked to trust any peer.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // --insecure: the person asked to trust any peer.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
