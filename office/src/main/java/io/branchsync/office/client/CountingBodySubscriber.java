package io.branchsync.office.client;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a reply body into memory while telling {@link ReplyProgress} of every piece, so that the
 * caller can tell a silent shop from a slow one and say how much of a cut reply arrived.
 */
final class CountingBodySubscriber implements BodySubscriber<byte[]> {
  private final BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();
  private final ReplyProgress progress;

  CountingBodySubscriber(ReplyProgress progress) {
    this.progress = progress;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return bytes.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    bytes.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    progress.body(items.stream().mapToLong(ByteBuffer::remaining).sum());
    bytes.onNext(items);
  }

  @Override
  public void onError(Throwable throwable) {
    bytes.onError(throwable);
  }

  @Override
  public void onComplete() {
    bytes.onComplete();
  }
}
