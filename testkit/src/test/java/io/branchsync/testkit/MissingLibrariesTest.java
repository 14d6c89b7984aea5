package io.branchsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissingLibrariesTest {

  private static final String LDD_OUTPUT =
      """
            \tlinux-vdso.so.1 (0x00007ffd3a9f2000)
            \tlibaio.so.1 => not found
            \tlibcrypt.so.1 => /lib/x86_64-linux-gnu/libcrypt.so.1 (0x00007f0c2a000000)
            \tlibfancy.so.7 => not found
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f0c2a5f0000)
            """;

  @Test
  void findsLibrariesLddCannotResolve() {
    assertEquals(List.of("libaio.so.1", "libfancy.so.7"), MissingLibraries.parseLdd(LDD_OUTPUT));
  }

  @Test
  void findsNothingWhenAllResolve() {
    assertEquals(
        List.of(),
        MissingLibraries.parseLdd("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n"));
  }

  @Test
  void namesTheDebianPackageToInstallWhereKnown() {
    String advice =
        MissingLibraries.advice(
            List.of("libaio.so.1", "libssl.so.3", "libcrypto.so.3", "libfancy.so.7"));

    assertEquals(
        "missing shared libraries: libaio.so.1 (Debian package libaio1) libssl.so.3 (Debian package "
            + "libssl3) libcrypto.so.3 (Debian package libssl3) libfancy.so.7; install with: apt-get install "
            + "libaio1 libssl3",
        advice);
  }
}
