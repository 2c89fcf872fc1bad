package nl.wijkhub.completeness;

import java.time.LocalDate;

/** A figure a partner owes: an indicator for a period, due on a date (the last day it is on time). */
public record Expectation(String programme, String partner, String indicator, String period, LocalDate due,
    boolean followUp) {}
