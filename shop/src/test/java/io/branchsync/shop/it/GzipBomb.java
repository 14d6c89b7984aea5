package io.branchsync.shop.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** A gzip bomb made by streaming: {@value #INFLATED_GIB} GiB of spaces in a few megabytes. */
final class GzipBomb {

  static final int INFLATED_GIB = 2;
  private static byte[] bomb;

  private GzipBomb() {}

  static synchronized byte[] spaces() {
    if (bomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) ' ');
      try (GZIPOutputStream gzip =
          new GZIPOutputStream(out, 1 << 16) {
            {
              def.setLevel(Deflater.BEST_COMPRESSION);
            }
          }) {
        for (int i = 0; i < INFLATED_GIB * 1024; i++) {
          gzip.write(block);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bomb = out.toByteArray();
    }
    return bomb;
  }
}
