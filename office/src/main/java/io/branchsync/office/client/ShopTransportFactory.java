package io.branchsync.office.client;

import java.net.URI;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactory;

/** Gives the XML-RPC client a fresh {@link ShopHttpTransport} for every call to one shop. */
final class ShopTransportFactory implements XmlRpcTransportFactory {
  private final XmlRpcClient client;
  private final ShopExchange exchange;
  private final URI url;

  ShopTransportFactory(XmlRpcClient client, ShopExchange exchange, URI url) {
    this.client = client;
    this.exchange = exchange;
    this.url = url;
  }

  @Override
  public XmlRpcTransport getTransport() {
    return new ShopHttpTransport(client, exchange, url);
  }
}
