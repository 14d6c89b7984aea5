package io.branchsync.office.client;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcSunHttpTransport;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactory;

/** The JDK HTTP transport, with the office's own TLS trust when one is configured. */
final class TrustingTransportFactory implements XmlRpcTransportFactory {
  private final XmlRpcClient client;
  private final SSLSocketFactory tls;

  TrustingTransportFactory(XmlRpcClient client, SSLSocketFactory tls) {
    this.client = client;
    this.tls = tls;
  }

  @Override
  public XmlRpcTransport getTransport() {
    return new XmlRpcSunHttpTransport(client) {
      @Override
      protected URLConnection newURLConnection(URL url) throws IOException {
        URLConnection connection = super.newURLConnection(url);
        if (tls != null && connection instanceof HttpsURLConnection https) {
          https.setSSLSocketFactory(tls);
        }
        return connection;
      }
    };
  }
}
