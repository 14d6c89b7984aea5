package io.branchsync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The values one figure took over the repetitions of a measurement. */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  public Samples add(double value) {
    values.add(value);
    return this;
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The middle value; the mean of the two middle ones for an even count. */
  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    List<Double> sorted = sorted();
    return sorted.get(sorted.size() - 1);
  }

  public List<Double> values() {
    return List.copyOf(values);
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
