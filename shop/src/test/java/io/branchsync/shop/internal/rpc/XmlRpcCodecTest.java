package io.branchsync.shop.internal.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML side alone, with an echo handler: no entity is ever resolved, faults carry our codes. */
class XmlRpcCodecTest {

  @TempDir Path dir;

  private final XmlRpcCodec codec =
      new XmlRpcCodec(
          name -> {
            if (!name.equals("echo")) {
              throw XmlRpcCodec.fault(FaultCode.BAD_ARGUMENT, "method '" + name + "' is unknown");
            }
            XmlRpcHandler echo = request -> Map.of("got", String.valueOf(request.getParameter(0)));
            return echo;
          });

  private String process(String body) throws IOException {
    return new String(codec.process(stream(body)), StandardCharsets.UTF_8);
  }

  private static InputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCallIsAnsweredWithAStruct() throws IOException {
    String reply =
        process(
            "<?xml version=\"1.0\"?><methodCall><methodName>echo</methodName>"
                + "<params><param><value><string>hi</string></value></param></params></methodCall>");
    assertTrue(reply.contains("<name>got</name><value>hi</value>"), reply);
  }

  @Test
  void externalEntitiesAreNeverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "MARKER-42");
    for (String doctype :
        new String[] {
          "<!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
          "<!DOCTYPE m [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>",
          "<!DOCTYPE m SYSTEM \"" + secret.toUri() + "\">"
        }) {
      String reply =
          process(
              "<?xml version=\"1.0\"?>"
                  + doctype
                  + "<methodCall><methodName>echo</methodName><params><param><value><string>&x;"
                  + "</string></value></param></params></methodCall>");
      assertTrue(reply.contains("<fault>"), reply);
      assertTrue(reply.contains("<i4>" + FaultCode.BAD_ARGUMENT.code() + "</i4>"), reply);
      assertFalse(reply.contains("MARKER-42"), reply);
    }
  }

  @Test
  void internalEntityExpansionIsRefusedToo() throws IOException {
    String reply =
        process(
            "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<methodCall><methodName>echo</methodName><params><param><value><string>&b;"
                + "</string></value></param></params></methodCall>");
    assertTrue(reply.contains("<fault>"), reply);
    assertFalse(reply.contains("aaaaaaaaaa"), reply);
  }

  @Test
  void extensionTypesAreRefused() throws IOException {
    String reply =
        process(
            "<?xml"
                + " version=\"1.0\"?><methodCall><methodName>echo</methodName><params><param><value><ex:serializable"
                + " xmlns:ex=\"http://ws.apache.org/xmlrpc/"
                + "namespaces/extensions\">rO0AB</ex:serializable></value></param></params></methodCall>");
    assertTrue(reply.contains("<fault>"), reply);
    assertTrue(reply.contains("<i4>" + FaultCode.BAD_ARGUMENT.code() + "</i4>"), reply);
  }

  @Test
  void anUnknownMethodIsAFaultWithOurCode() throws IOException {
    String reply =
        process(
            "<?xml version=\"1.0\"?><methodCall><methodName>nope</methodName>"
                + "<params/></methodCall>");
    assertTrue(reply.contains("<i4>" + FaultCode.BAD_ARGUMENT.code() + "</i4>"), reply);
    assertTrue(reply.contains("nope"), reply);
  }

  @Test
  void aBodyPastTheLimitStopsReading() {
    InputStream endless =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (++sent > 100) {
              throw new RequestTooLargeException(100);
            }
            return sent == 1 ? '<' : 'a';
          }
        };
    assertThrows(RequestTooLargeException.class, () -> codec.process(endless));
  }
}
