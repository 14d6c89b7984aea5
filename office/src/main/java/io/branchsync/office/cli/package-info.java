/** The {@code office} command line (picocli). */
package io.branchsync.office.cli;
