package nl.wijkhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.wijkhub.embedded.KafkaBroker;

/** Stops the real broker's process (SIGSTOP) and lets it go on (SIGCONT), for faults no mock could give. */
public final class BrokerPause {

  private final KafkaBroker broker;
  private final AtomicBoolean paused = new AtomicBoolean();

  public BrokerPause(KafkaBroker broker) {
    this.broker = broker;
  }

  public void pause() {
    signal("STOP");
    paused.set(true);
  }

  /** Lets the broker go on if this paused it; a no-op otherwise, so that every test can end with it. */
  public void resume() {
    if (paused.getAndSet(false)) {
      signal("CONT");
    }
  }

  /** True while the broker is paused; awaitable. */
  public AtomicBoolean paused() {
    return paused;
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(broker.pid())).inheritIO().start();
      assertThat(kill.waitFor()).as("kill -%s %s", signal, broker.pid()).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
