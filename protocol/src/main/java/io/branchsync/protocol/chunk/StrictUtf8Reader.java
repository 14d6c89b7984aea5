package io.branchsync.protocol.chunk;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads inflated chunk bytes as UTF-8, refusing malformed bytes with {@link
 * FaultCode#CHUNK_NOT_UTF8}: replacing them with U+FFFD, as a plain reader would, could change a
 * literal silently on its way into the database.
 */
final class StrictUtf8Reader extends FilterReader {

  StrictUtf8Reader(InputStream bytes) {
    super(
        new InputStreamReader(
            bytes,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (CharacterCodingException e) {
      throw notUtf8(e);
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (CharacterCodingException e) {
      throw notUtf8(e);
    }
  }

  private static ProtocolException notUtf8(CharacterCodingException e) {
    return new ProtocolException(
        FaultCode.CHUNK_NOT_UTF8, "chunk: inflated text is not valid UTF-8", e);
  }
}
