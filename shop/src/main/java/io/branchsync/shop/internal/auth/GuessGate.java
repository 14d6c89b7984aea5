package io.branchsync.shop.internal.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out the refusals of one client address as if its guesses had come one after another: a
 * refusal is answered its delay after the address's previous refusal was, not after it arrived. So
 * eight parallel guessers from one address learn no more per second than one guessing in a loop,
 * while a correct secret, never queued here, is answered as soon as it is checked.
 *
 * <p>At most {@value #MAX_IN_FLIGHT} checks per address may be under way or awaiting their answer;
 * beyond that a request is turned away unchecked, which bounds the memory and hashing one address
 * can claim.
 */
final class GuessGate {

  static final int MAX_IN_FLIGHT = 32;

  private final Map<String, Line> lines = new HashMap<>();

  /**
   * Claims a place for a check from the address.
   *
   * @param address the client address
   * @return false when {@value #MAX_IN_FLIGHT} are already under way
   */
  synchronized boolean enter(String address) {
    Line line = lines.computeIfAbsent(address, a -> new Line());
    if (line.inFlight >= MAX_IN_FLIGHT) {
      return false;
    }
    line.inFlight++;
    return true;
  }

  /**
   * When to answer a refusal: its delay after the address's previous refusal is answered.
   *
   * @param address the client address, which has entered
   * @param now the current time in milliseconds
   * @param delay the throttle's delay for this failure
   * @return milliseconds from now until the refusal is answered
   */
  synchronized long refusalDueIn(String address, long now, long delay) {
    Line line = lines.computeIfAbsent(address, a -> new Line());
    long due = Math.max(now, line.lastAnswer) + delay;
    line.lastAnswer = due;
    return due - now;
  }

  /**
   * Gives the place back once the check is answered.
   *
   * @param address the client address
   */
  synchronized void leave(String address) {
    Line line = lines.get(address);
    if (line != null && --line.inFlight <= 0) {
      // a later guess arrives after this answer went out, so the spacing is kept without it
      lines.remove(address);
    }
  }

  private static final class Line {
    int inFlight;
    long lastAnswer;
  }
}
