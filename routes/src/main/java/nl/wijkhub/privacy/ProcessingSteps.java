package nl.wijkhub.privacy;

import java.time.Instant;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;

/** Processing records of a step that starts its own trace and takes no measurable time: a view, a match, a mail. */
public final class ProcessingSteps {

  private ProcessingSteps() {}

  /** A record of {@code step} at {@code at}, in a new trace, that went well; the caller adds whom and what it was on. */
  public static ProcessingRecord.Builder at(String step, Instant at) {
    return ProcessingRecord.newBuilder()
        .setTraceId(TraceIds.newTraceId())
        .setSpanId(TraceIds.newSpanId())
        .setName(step)
        .setStartTime(at)
        .setEndTime(at)
        .setStatus(ProcessingStatus.OK);
  }
}
