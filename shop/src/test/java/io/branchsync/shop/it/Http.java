package io.branchsync.shop.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Raw HTTP calls, for what the XML-RPC client cannot show: status codes, headers, odd bodies. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String call(String method) {
    return "<?xml version=\"1.0\"?><methodCall><methodName>"
        + method
        + "</methodName><params/></methodCall>";
  }

  static HttpResponse<String> post(URI url, String authorization, String body) throws Exception {
    return post(CLIENT, url, authorization, HttpRequest.BodyPublishers.ofString(body));
  }

  static HttpResponse<String> post(
      HttpClient client, URI url, String authorization, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "text/xml")
            .POST(body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
