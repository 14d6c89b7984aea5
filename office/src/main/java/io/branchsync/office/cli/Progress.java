package io.branchsync.office.cli;

import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress bar on a terminal; a log line every tenth of the way otherwise (cron, pipes). */
final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
  private final String task;
  private final long total;
  private final ProgressBar bar;
  private long done;
  private long nextReport;

  private Progress(String task, long total, ProgressBar bar) {
    this.task = task;
    this.total = total;
    this.bar = bar;
    this.nextReport = total / 10;
  }

  static Progress start(String task, long total) {
    ProgressBar bar = System.console() != null ? new ProgressBar(task, total) : null;
    return new Progress(task, total, bar);
  }

  void step(long rows) {
    done += rows;
    if (bar != null) {
      bar.stepBy(rows);
    } else if (done >= nextReport && total > 0) {
      LOG.info("{}: {} of {} rows ({}%)", task, done, total, done * 100 / total);
      nextReport = done + Math.max(1, total / 10);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
