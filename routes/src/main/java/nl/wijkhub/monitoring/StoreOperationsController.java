package nl.wijkhub.monitoring;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's operator actions. They live under {@code /api/v1/beheer/}, the path that is reserved for operators;
 * over HTTP, so that an operator of any deployment (embedded, Compose, a cluster) runs them with curl against the
 * running hub, which owns the consumer that a rebuild must pause.
 */
@RestController
class StoreOperationsController {

  private final DeadLetterReplay replay;
  private final StoreRebuild rebuild;

  StoreOperationsController(DeadLetterReplay replay, StoreRebuild rebuild) {
    this.replay = replay;
    this.rebuild = rebuild;
  }

  @PostMapping("/api/v1/beheer/dead-letters/replay")
  DeadLetterReplay.Outcome replayDeadLetters() {
    return replay.replay();
  }

  @PostMapping("/api/v1/beheer/store/rebuild")
  StoreRebuild.Outcome rebuildStore() throws Exception {
    return rebuild.rebuild();
  }
}
