package nl.wijkhub.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.SubmissionReceipt;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receipt as the partner gets it, the same for every channel: JSON (the {@code SubmissionReceipt} fields with
 * plain values) and a short Dutch text.
 */
public final class ReceiptDocuments {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final DateTimeFormatter DUTCH_TIME =
      DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Amsterdam"));

  private ReceiptDocuments() {}

  public static String json(SubmissionReceipt r) {
    return JSON.writeValueAsString(document(r)) + "\n";
  }

  /** The receipt's JSON document as a map, for channels that embed it in a larger answer. */
  public static Map<String, Object> document(SubmissionReceipt r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("submissionId", r.getSubmissionId());
    doc.put("partner", r.getPartner());
    doc.put("channel", r.getChannel());
    doc.put("sourceName", r.getSourceName());
    doc.put("sha256", r.getSha256());
    doc.put("status", r.getStatus().name());
    doc.put("accepted", r.getAccepted());
    doc.put("rejected", r.getRejected());
    doc.put("errors", r.getErrors().stream().map(ReceiptDocuments::error).toList());
    doc.put("errorsOmitted", r.getErrorsOmitted());
    doc.put("duplicateOf", r.getDuplicateOf());
    doc.put("dryRun", r.getDryRun());
    doc.put("idempotencyKey", r.getIdempotencyKey());
    doc.put("references", r.getReferences().stream().map(ref -> Map.of("line", ref.getLine(), "id", ref.getId()))
        .toList());
    doc.put("receivedAt", r.getReceivedAt().toString());
    doc.put("completedAt", r.getCompletedAt().toString());
    return doc;
  }

  public static String text(SubmissionReceipt r) {
    StringBuilder t = new StringBuilder();
    t.append("Ontvangstbewijs Wijkhub\n")
        .append("=======================\n")
        .append("Bestand:    ").append(r.getSourceName()).append('\n')
        .append("Partner:    ").append(r.getPartner()).append('\n')
        .append("Ontvangen:  ").append(time(r.getReceivedAt())).append('\n')
        .append("Kenmerk:    ").append(r.getSubmissionId()).append('\n')
        .append("Uitkomst:   ").append(outcome(r)).append('\n')
        .append(r.getDryRun() ? "Proef:      dit was een proefaanlevering; er is niets opgeslagen of doorgegeven.\n"
            : "")
        .append("Verwerkt:   ").append(r.getAccepted()).append(r.getAccepted() == 1 ? " regel\n" : " regels\n")
        .append("Afgewezen:  ").append(r.getRejected()).append(r.getRejected() == 1 ? " regel\n" : " regels\n");
    if (!r.getReferences().isEmpty()) {
      t.append("\nKenmerken (nodig om een signaal te corrigeren of in te trekken):\n");
      r.getReferences().forEach(ref -> t.append("- regel ").append(ref.getLine()).append(": ").append(ref.getId())
          .append('\n'));
    }
    List<ReceiptError> errors = r.getErrors();
    if (!errors.isEmpty()) {
      t.append("\nWat niet goed ging:\n");
      errors.forEach(e -> t.append("- ").append(where(e)).append(e.getMessage()).append(" [").append(e.getCode())
          .append("]\n"));
      if (r.getErrorsOmitted() > 0) {
        t.append("- … en nog ").append(r.getErrorsOmitted()).append(" fouten. Verbeter eerst de fouten hierboven;")
            .append(" het programmabureau kan de volledige lijst inzien.\n");
      }
      t.append("\nVerbeter de genoemde regels en lever ze opnieuw aan. Regels die al verwerkt zijn, mag u")
          .append(" gewoon opnieuw meesturen: de nieuwste aanlevering telt.\n");
    }
    return t.toString();
  }

  private static String outcome(SubmissionReceipt r) {
    return switch (r.getStatus()) {
      case ACCEPTED -> "geaccepteerd: alle regels zijn verwerkt.";
      case PARTIALLY_ACCEPTED -> "gedeeltelijk geaccepteerd: de goede regels zijn verwerkt, de andere niet.";
      case REJECTED -> "afgewezen: er is niets verwerkt.";
      case DUPLICATE -> "dubbel: dit bestand is precies je huidige aanlevering (kenmerk " + r.getDuplicateOf()
          + "); er is niets opnieuw verwerkt.";
    };
  }

  private static String where(ReceiptError e) {
    if (e.getLine() == null) {
      return "";
    }
    return "Regel " + e.getLine() + (e.getField() == null ? "" : ", kolom " + e.getField()) + ": ";
  }

  private static Map<String, Object> error(ReceiptError e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("line", e.getLine());
    error.put("field", e.getField());
    error.put("code", e.getCode());
    error.put("message", e.getMessage());
    return error;
  }

  private static String time(Instant instant) {
    return DUTCH_TIME.format(instant);
  }
}
